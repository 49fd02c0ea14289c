import type { RouteDefinition } from './routes.js';

/** The resource server's identifier: the prefix of its scopes in tokens (`todolist/todos.read`). */
export const RESOURCE_SERVER_ID = 'todolist';

/** The API's scopes, as the authorizer checks them in an access token's `scope` claim. */
export const TODO_SCOPES = {
  read: `${RESOURCE_SERVER_ID}/todos.read`,
  write: `${RESOURCE_SERVER_ID}/todos.write`,
} as const;

/**
 * The only routes anyone may call without signing in: the API's description and its health.
 * Every other route needs a signed-in caller, so a new route is private unless listed here.
 */
const PUBLIC_PATHS: readonly string[] = ['/v1/openapi.json', '/v1/health'];

/**
 * The scope a caller's access token must hold for `route`: reading needs `todos.read`, any
 * change `todos.write`; `null` for a public route (the OpenAPI document, the health check). The deployed
 * authorizer, the local gateway and the handlers all decide by this.
 */
export function requiredScope(route: Pick<RouteDefinition, 'method' | 'path'>): string | null {
  if (PUBLIC_PATHS.includes(route.path)) return null;
  return route.method === 'GET' ? TODO_SCOPES.read : TODO_SCOPES.write;
}

/** What a person's sign-in asks for, from the page or the CLI: who they are, and their todos. */
export const SIGN_IN_SCOPES = ['openid', 'email', TODO_SCOPES.read, TODO_SCOPES.write] as const;

/**
 * The loopback ports the CLI may listen on for its sign-in's redirect: Cognito matches callback
 * URLs exactly, so the CDK app registers each; the CLI takes the first free one.
 */
export const CLI_CALLBACK_PORTS = [53682, 53683, 53684] as const;

/** The CLI's redirect on a port of {@link CLI_CALLBACK_PORTS}: loopback over http, as RFC 8252 allows. */
export const cliCallbackUrl = (port: number) => `http://127.0.0.1:${port}/callback`;

/**
 * The sign-in server's endpoints, relative to its base URL: Cognito's managed login and the
 * local gateway's user pool answer at the same paths.
 */
export const OAUTH_PATHS = {
  authorize: '/oauth2/authorize',
  token: '/oauth2/token',
  revoke: '/oauth2/revoke',
  logout: '/logout',
} as const;

/** The people's app clients, by who signs in through them: as the CDK app and the local user pool name them. */
export const APP_CLIENT_IDS = {
  web: 'todolist-web',
  cli: 'todolist-cli',
} as const;
