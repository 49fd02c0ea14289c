import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/**
 * `GET /v1/health`: public, for Route 53's health checks. 200 `{"status":"ok"}` only after a real
 * read of the table; 503 problem+json when the table cannot be read.
 */
export const handler = defineRoute(routes.health, async () => {
  await store.checkHealth();
  return json(200, { status: 'ok' }, { 'Cache-Control': 'no-store' });
});
