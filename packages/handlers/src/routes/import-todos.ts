import { routes } from '@todolist/sdk/contract';
import { store } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { checkImportItems, importAnswer } from '../http/import-items.js';
import { json } from '../http/responses.js';

/**
 * `POST /v1/todos/batch`: a bulk import. Each item is checked alone: a bad one is reported
 * "rejected" with its reasons while the good ones go in; an id already present is "existing"
 * and left untouched, so sending the same import again changes nothing.
 */
export const handler = defineRoute(routes.importTodos, async ({ ownerId, body }) => {
  const { accepted, rejected } = checkImportItems(body.items);
  const imported = await store.importMany(ownerId, accepted);
  return json(200, importAnswer([...rejected, ...imported]));
});
