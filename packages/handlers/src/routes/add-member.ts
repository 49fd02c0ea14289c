import { routes } from '@todolist/sdk/contract';
import { members } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/** `POST /v1/lists/{listId}/members`: shares the caller's list with an address. */
export const handler = defineRoute(routes.addMember, async ({ ownerId, params, body }) => {
  return json(201, await members.add(ownerId, params.listId, body.email));
});
