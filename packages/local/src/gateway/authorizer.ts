import type { IncomingMessage } from 'node:http';
import { type RouteDefinition, requiredScope } from '@todolist/sdk/contract';
import type { LocalAuth } from '../issuer/local-auth.js';

/** The identity an authorizer would attach: Cognito-style claims, or none. */
export type LocalIdentity = { claims: Record<string, string> } | null;

/** Who a request is from, or why the authorizer refuses it (a 401) and with what challenge. */
export type IdentityOutcome = { identity: LocalIdentity } | { refused: string; challenge: string };

/**
 * The identity the authorizer attaches to a request for `route`, as API Gateway's Cognito
 * authorizer would: the access token's claims when it is valid and holds the route's scope.
 * A todo route without a valid token is refused; the OpenAPI document needs none.
 */
export async function identifyRequest(
  request: IncomingMessage,
  route: Pick<RouteDefinition, 'method' | 'path'>,
  auth: LocalAuth,
): Promise<IdentityOutcome> {
  const scope = requiredScope(route);
  if (scope === null) return { identity: null };
  const check = await auth.checkBearer(request.headers.authorization, scope);
  return check.ok
    ? { identity: { claims: check.claims } }
    : { refused: check.reason, challenge: check.challenge };
}
