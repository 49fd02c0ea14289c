import {
  CORS_EXPOSED_HEADERS,
  ERROR_CODES,
  type ErrorCode,
  PROBLEM_MEDIA_TYPE,
  problemType,
} from '@todolist/sdk/contract';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/**
 * How one of API Gateway's own answers is told: the problem code (whose status it is answered
 * with), and headers besides CORS. Without a code, API Gateway keeps its own status and the body
 * is a plain problem (`about:blank`) with API Gateway's message.
 */
interface ProblemAnswer {
  readonly code?: ErrorCode;
  readonly headers?: Record<string, string>;
}

/**
 * API Gateway's own answers (it answers these before any function runs), each as the problem
 * code the handlers would give. A 403 "Missing Authentication Token" is API Gateway's answer to
 * a path or method no route has: here it is the 404 it means.
 */
export const GATEWAY_PROBLEMS: ReadonlyMap<apigateway.ResponseType, ProblemAnswer> = new Map<
  apigateway.ResponseType,
  ProblemAnswer
>([
  [apigateway.ResponseType.BAD_REQUEST_BODY, { code: 'validation_failed' }],
  [apigateway.ResponseType.BAD_REQUEST_PARAMETERS, { code: 'invalid_query' }],
  [apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN, { code: 'route_not_found' }],
  [apigateway.ResponseType.RESOURCE_NOT_FOUND, { code: 'route_not_found' }],
  [apigateway.ResponseType.REQUEST_TOO_LARGE, { code: 'payload_too_large' }],
  [apigateway.ResponseType.UNSUPPORTED_MEDIA_TYPE, { code: 'unsupported_media_type' }],
  [apigateway.ResponseType.THROTTLED, { code: 'rate_limited', headers: { 'Retry-After': '1' } }],
  [apigateway.ResponseType.QUOTA_EXCEEDED, { code: 'rate_limited', headers: { 'Retry-After': '60' } }],
  // The Cognito authorizer: no token, or a bad or expired one (RFC 6750's challenge).
  [apigateway.ResponseType.UNAUTHORIZED, { code: 'unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } }],
  [
    apigateway.ResponseType.EXPIRED_TOKEN,
    { code: 'unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } },
  ],
  // A valid token without the method's scope: the 401 of `unauthorized`, with RFC 6750's
  // insufficient_scope telling the client what to ask for. (The contract's one 403, owner_only,
  // refuses what a signed-in member asked of a list; a token's scope is not that.)
  [
    apigateway.ResponseType.ACCESS_DENIED,
    { code: 'unauthorized', headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' } },
  ],
  [
    apigateway.ResponseType.INTEGRATION_FAILURE,
    { code: 'service_unavailable', headers: { 'Retry-After': '1' } },
  ],
  [
    apigateway.ResponseType.INTEGRATION_TIMEOUT,
    { code: 'service_unavailable', headers: { 'Retry-After': '1' } },
  ],
  // Every other 4XX (an API key or a SigV4 signature this API never asks for; a WAF block without
  // its own answer) keeps API Gateway's status: no contract code means it, and turning each into
  // a 401 would tell the client to sign in again when that cannot help.
  [apigateway.ResponseType.DEFAULT_4XX, {}],
  [apigateway.ResponseType.DEFAULT_5XX, { code: 'internal_error' }],
]);

const DETAIL = '__DETAIL__';

/**
 * The problem+json body template: `detail` is API Gateway's message (already a JSON string).
 * Without a code: `about:blank`, no status (API Gateway's own stands; a template cannot name it).
 */
export function problemTemplate(code?: ErrorCode): string {
  const problem = code
    ? { type: problemType(code), title: ERROR_CODES[code].title, status: ERROR_CODES[code].status, code }
    : { type: 'about:blank', title: 'The request was refused' };
  const body = { ...problem, detail: DETAIL, requestId: '$context.requestId' };
  return JSON.stringify(body).replace(`"${DETAIL}"`, '$context.error.messageString');
}

const quoted = (value: string) => `'${value}'`;

/**
 * The `Access-Control-Allow-Origin` of API Gateway's own answers. A gateway response runs no
 * template over its headers, so it cannot pick one of several origins: with one it names it; with
 * several it echoes the request's `Origin`. That lets any page read these answers, which hold
 * nothing but a problem code, API Gateway's message and the request id (no credentials are
 * allowed); the handlers' answers, which hold todos, keep naming the allowed origins only.
 */
export function gatewayAllowOrigin(origins: readonly string[]): string {
  const [only, ...others] = origins;
  if (only === undefined) throw new Error('the API allows at least the page origin');
  return others.length === 0 ? quoted(only) : 'method.request.header.Origin';
}

/**
 * Makes API Gateway's own 4XX and 5XX answers problem+json with the CORS headers for the page's
 * origins, so the page's script can read them as it reads the handlers' errors.
 */
export function addProblemResponses(api: apigateway.RestApi, origins: readonly string[]): void {
  for (const [type, answer] of GATEWAY_PROBLEMS) {
    api.addGatewayResponse(`Problem${type.responseType}`, {
      type,
      ...(answer.code ? { statusCode: String(ERROR_CODES[answer.code].status) } : {}),
      responseHeaders: {
        'Content-Type': quoted(PROBLEM_MEDIA_TYPE),
        'Access-Control-Allow-Origin': gatewayAllowOrigin(origins),
        'Access-Control-Expose-Headers': quoted(CORS_EXPOSED_HEADERS.join(', ')),
        Vary: quoted('Origin'),
        'Cache-Control': quoted('no-store'),
        ...Object.fromEntries(
          Object.entries(answer.headers ?? {}).map(([name, value]) => [name, quoted(value)]),
        ),
      },
      templates: { 'application/json': problemTemplate(answer.code) },
    });
  }
}
