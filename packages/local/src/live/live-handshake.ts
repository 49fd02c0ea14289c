import type { IncomingMessage } from 'node:http';
import { problem } from '@todolist/handlers';
import {
  LIVE_PATH,
  LIVE_TOKEN_PARAMETER,
  PROBLEM_MEDIA_TYPE,
  REQUEST_ID_HEADER,
  TODO_SCOPES,
} from '@todolist/sdk/contract';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { LocalAuth } from '../issuer/local-auth.js';
import type { MachineClient } from '../issuer/machine-client.js';
import { personOf } from './live-person.js';

/** What a live handshake is checked against: the gateway's issuer, origins and machine client. */
export interface HandshakeRules {
  auth: LocalAuth;
  /** The browser origins the gateway takes calls from; a request with no `Origin` (the CLI) passes. */
  origins: readonly string[];
  machineClient: MachineClient | undefined;
}

/** The person a handshake connects, or the HTTP answer that refuses it. */
export type HandshakeOutcome = { person: string } | { refusal: APIGatewayProxyResult };

/**
 * A 403 for a browser page of another origin. Browsers let any page open a WebSocket to any
 * host, with its cookies and no CORS check, so the server must look at `Origin` itself. The
 * contract has no error code for it (the REST API only leaves out its CORS headers), so this is
 * the plain problem type.
 */
function foreignOrigin(origin: string, requestId: string): APIGatewayProxyResult {
  const body = {
    type: 'about:blank',
    title: 'Forbidden',
    status: 403,
    detail: `pages of ${origin} may not connect here: add it to ALLOWED_ORIGINS`,
    requestId,
  };
  return { statusCode: 403, headers: { 'Content-Type': PROBLEM_MEDIA_TYPE }, body: JSON.stringify(body) };
}

/**
 * Checks a WebSocket handshake as API Gateway's WebSocket API checks `$connect`: the path is
 * `LIVE_PATH`, the page's origin is one the gateway serves, and `?token=` is an access token
 * that the REST API's authorizer would take for a read (`todolist/todos.read`).
 */
export async function checkHandshake(
  request: IncomingMessage,
  rules: HandshakeRules,
): Promise<HandshakeOutcome> {
  const requestId = crypto.randomUUID();
  const withId = (result: APIGatewayProxyResult) => ({
    refusal: { ...result, headers: { ...result.headers, [REQUEST_ID_HEADER]: requestId } },
  });
  // Read as a path, as the gateway reads every target (exchange.ts): `//x/v1/live` is no host.
  const target = request.url ?? '/';
  const url = new URL(`http://gateway.local${target.startsWith('/') ? '' : '/'}${target}`);
  if (url.pathname !== LIVE_PATH)
    return withId(
      problem('route_not_found', `no WebSocket at ${url.pathname}: connect to ${LIVE_PATH}`, requestId),
    );
  const { origin } = request.headers;
  if (origin !== undefined && !rules.origins.includes(origin))
    return withId(foreignOrigin(origin, requestId));
  const token = url.searchParams.get(LIVE_TOKEN_PARAMETER);
  if (!token) {
    const detail = `sign in first: connect to ${LIVE_PATH}?${LIVE_TOKEN_PARAMETER}=<access token>`;
    return withId(problem('unauthorized', detail, requestId, { headers: { 'WWW-Authenticate': 'Bearer' } }));
  }
  const check = await rules.auth.checkBearer(`Bearer ${token}`, TODO_SCOPES.read);
  if (!check.ok)
    return withId(
      problem('unauthorized', check.reason, requestId, { headers: { 'WWW-Authenticate': check.challenge } }),
    );
  return { person: personOf(check.claims, rules.machineClient) };
}
