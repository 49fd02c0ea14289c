import {
  CORS_EXPOSED_HEADERS,
  ERROR_CODES,
  type ErrorCode,
  PROBLEM_MEDIA_TYPE,
  problemType,
} from '@todolist/sdk/contract';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/** How one of API Gateway's own answers is told: the problem code, and headers besides CORS. */
interface ProblemAnswer {
  readonly code: ErrorCode;
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
  // A valid token without the method's scope. The contract has no 403 code, so it is the 401 of
  // `unauthorized`, with RFC 6750's insufficient_scope telling the client what to ask for.
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
  // Every other 4XX API Gateway gives is about credentials: API keys, signatures, tokens, WAF.
  [apigateway.ResponseType.DEFAULT_4XX, { code: 'unauthorized' }],
  [apigateway.ResponseType.DEFAULT_5XX, { code: 'internal_error' }],
]);

const DETAIL = '__DETAIL__';

/** The problem+json body template: `detail` is API Gateway's message (already a JSON string). */
export function problemTemplate(code: ErrorCode): string {
  const { status, title } = ERROR_CODES[code];
  const body = {
    type: problemType(code),
    title,
    status,
    code,
    detail: DETAIL,
    requestId: '$context.requestId',
  };
  return JSON.stringify(body).replace(`"${DETAIL}"`, '$context.error.messageString');
}

const quoted = (value: string) => `'${value}'`;

/**
 * Makes API Gateway's own 4XX and 5XX answers problem+json with the CORS headers for the site's
 * origin, so the page's script can read them as it reads the handlers' errors.
 */
export function addProblemResponses(api: apigateway.RestApi, siteOrigin: string): void {
  for (const [type, answer] of GATEWAY_PROBLEMS) {
    api.addGatewayResponse(`Problem${type.responseType}`, {
      type,
      statusCode: String(ERROR_CODES[answer.code].status),
      responseHeaders: {
        'Content-Type': quoted(PROBLEM_MEDIA_TYPE),
        'Access-Control-Allow-Origin': quoted(siteOrigin),
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
