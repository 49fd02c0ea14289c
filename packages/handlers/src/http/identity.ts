import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { MachineOwners } from '../config.js';

/** The claims of an access token that say whom it acts for. */
export interface TokenClaims {
  sub?: unknown;
  client_id?: unknown;
  username?: unknown;
}

interface AuthorizerContext {
  claims?: TokenClaims;
  principalId?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The owner of a request: the subject of the caller's identity as API Gateway's authorizer
 * passed it (Cognito's `claims.sub`, or a Lambda authorizer's `principalId`), or `undefined`
 * when it carries none, which the caller must refuse.
 *
 * A client-credentials token has no user: Cognito makes its `sub` the app client's id. When
 * that client is one of `machineOwners`, the token acts for the owner named there, so a server
 * can import into a person's list. Only a token whose `sub` is its own `client_id` qualifies:
 * a person signed in through some client keeps their own `sub`.
 */
export function ownerOf(event: APIGatewayProxyEvent, machineOwners: MachineOwners): string | undefined {
  const authorizer = event.requestContext?.authorizer as AuthorizerContext | null | undefined;
  const claims = authorizer?.claims;
  return (claims ? ownerOfClaims(claims, machineOwners) : undefined) ?? text(authorizer?.principalId);
}

/**
 * The owner an access token's claims act for, by the rule {@link ownerOf} states: its `sub`, or
 * for a machine client of `machineOwners` that client's owner. The WebSocket API's authorizer
 * decides by it too, so a live connection belongs to whom the same token's requests would.
 */
export function ownerOfClaims(claims: TokenClaims, machineOwners: MachineOwners): string | undefined {
  const subject = text(claims.sub);
  if (subject === undefined) return undefined;
  const clientId = text(claims.client_id);
  const isMachine = clientId === subject && claims.username === undefined;
  return (isMachine ? machineOwners.get(clientId) : undefined) ?? subject;
}
