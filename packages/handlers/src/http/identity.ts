import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { MachineOwners } from '../config.js';

interface AuthorizerContext {
  claims?: { sub?: unknown; client_id?: unknown; username?: unknown };
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
  const subject = text(authorizer?.claims?.sub);
  if (subject !== undefined) {
    const clientId = text(authorizer?.claims?.client_id);
    const isMachine = clientId === subject && authorizer?.claims?.username === undefined;
    return (isMachine ? machineOwners.get(clientId) : undefined) ?? subject;
  }
  return text(authorizer?.principalId);
}
