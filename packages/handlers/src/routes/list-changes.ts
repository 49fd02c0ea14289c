import { routes } from '@todolist/sdk/contract';
import { changes } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/** `GET /v1/changes`: what changed since the caller's cursor, or a cursor for now. */
export const handler = defineRoute(routes.listChanges, async ({ ownerId, query }) => {
  return json(200, await changes.since(ownerId, query), { 'Cache-Control': 'no-store' });
});
