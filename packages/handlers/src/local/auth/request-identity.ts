import type { IncomingMessage } from 'node:http';
import type { RouteDefinition } from '@todolist/sdk/contract';
import type { LocalIdentity } from '../proxy-event.js';
import { requiredScope } from './clients.js';
import type { LocalAuth } from './local-auth.js';

/** Who a request is from, or why the authorizer refuses it (a 401). */
export type IdentityOutcome = { identity: LocalIdentity } | { refused: string };

/** Where a request's identity comes from, in order. */
export interface IdentitySources {
  /** A fixed identity given to the gateway (tests): it wins over any token. */
  identify?: ((request: IncomingMessage) => LocalIdentity) | undefined;
  /** The local user pool, checking bearer tokens. */
  auth?: LocalAuth | undefined;
}

/**
 * The identity the authorizer attaches to a request for `route`, as API Gateway's Cognito
 * authorizer would: the access token's claims when it is valid and holds the route's scope.
 *
 * TRANSITIONAL: a request with no `Authorization` header still gets no identity, so it belongs
 * to the default owner, while the SDK, CLI and page tests learn to sign in. The next step
 * answers it with a 401, as the deployed API does.
 */
export async function identifyRequest(
  request: IncomingMessage,
  route: Pick<RouteDefinition, 'method'> & { name: string },
  sources: IdentitySources,
): Promise<IdentityOutcome> {
  if (sources.identify) return { identity: sources.identify(request) };
  const scope = requiredScope(route);
  const header = request.headers.authorization;
  if (!sources.auth || scope === null || header === undefined) return { identity: null };
  const check = await sources.auth.checkBearer(header, scope);
  return check.ok ? { identity: { claims: check.claims } } : { refused: check.reason };
}
