import { routes } from '@todolist/sdk/contract';
import { members } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';

/** `GET /v1/lists/{listId}/members`: the owner, the members and the invitations of a list. */
export const handler = defineRoute(routes.listMembers, async ({ ownerId, params }) => {
  return json(200, await members.list(ownerId, params.listId));
});
