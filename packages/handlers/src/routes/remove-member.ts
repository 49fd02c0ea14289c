import { routes } from '@todolist/sdk/contract';
import { members } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { noContent } from '../http/responses.js';

/** `DELETE /v1/lists/{listId}/members/{memberId}`: takes someone off a list, or the caller leaves it. */
export const handler = defineRoute(routes.removeMember, async ({ ownerId, params }) => {
  await members.remove(ownerId, params.listId, params.memberId);
  return noContent();
});
