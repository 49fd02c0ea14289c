import type { RouteDefinition } from './routes.js';

/** The resource server's identifier: the prefix of its scopes in tokens (`todolist/todos.read`). */
export const RESOURCE_SERVER_ID = 'todolist';

/** The API's scopes, as the authorizer checks them in an access token's `scope` claim. */
export const TODO_SCOPES = {
  read: `${RESOURCE_SERVER_ID}/todos.read`,
  write: `${RESOURCE_SERVER_ID}/todos.write`,
} as const;

/** The paths that hold someone's todos: every route at or under it needs a signed-in caller. */
export const SIGNED_IN_PATH = '/v1/todos';

/**
 * The scope a caller's access token must hold for `route`: reading needs `todos.read`, any
 * change `todos.write`; `null` for a public route (the OpenAPI document). The deployed
 * authorizer, the local gateway and the handlers all decide by this.
 */
export function requiredScope(route: Pick<RouteDefinition, 'method' | 'path'>): string | null {
  const signedIn = route.path === SIGNED_IN_PATH || route.path.startsWith(`${SIGNED_IN_PATH}/`);
  if (!signedIn) return null;
  return route.method === 'GET' ? TODO_SCOPES.read : TODO_SCOPES.write;
}
