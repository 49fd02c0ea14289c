import { corsHeaders, type ProxyHandler, preflightHeaders, problem } from '@todolist/handlers';
import { MAX_BODY_BYTES, type RouteName } from '@todolist/sdk/contract';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { LocalAuth } from '../issuer/local-auth.js';
import { readBody } from '../read-body.js';
import type { LocalIdentity } from './authorizer.js';
import { identifyRequest } from './authorizer.js';
import type { Exchange } from './exchange.js';
import { lambdaContext } from './lambda-context.js';
import { closeAfterAnswer } from './linger.js';
import { toProxyEvent } from './proxy-event.js';
import type { RouteMatch, RouteMatcher } from './route-matcher.js';
import type { PerCallerThrottle } from './throttle.js';

// The steps of an API request at the gateway, in the order API Gateway takes them. Each answers
// the problem that ends the request there, or what the next step needs.

type Matched = Extract<RouteMatch, { kind: 'route' }>;

/** A CORS preflight of an API path: 204 with the methods it serves; undefined when it is none. */
export function preflight(exchange: Exchange, matcher: RouteMatcher, origins: readonly string[]) {
  if (exchange.method !== 'OPTIONS') return undefined;
  const methods = matcher.methodsFor(exchange.url.pathname);
  if (methods.length === 0) return undefined;
  return { statusCode: 204, headers: preflightHeaders(exchange.origin, origins, methods), body: '' };
}

/** Throttling per caller: a 429 with `Retry-After` once their bucket is empty. */
export function throttle(
  exchange: Exchange,
  buckets: PerCallerThrottle | null,
): APIGatewayProxyResult | undefined {
  const { authorization } = exchange.request.headers;
  const caller = authorization
    ? `authorization:${authorization}`
    : `address:${exchange.request.socket.remoteAddress}`;
  const retryAfter = buckets?.take(caller) ?? 0;
  if (retryAfter === 0) return undefined;
  return problem('rate_limited', `too many requests: retry after ${retryAfter} s`, exchange.requestId, {
    headers: { 'Retry-After': String(retryAfter) },
  });
}

/** The route of the request, or the 404 or 405 that API Gateway answers for none. */
export function matchRoute(exchange: Exchange, matcher: RouteMatcher): Matched | APIGatewayProxyResult {
  const { method, url, requestId } = exchange;
  const match = matcher.match(method, url.pathname);
  if (match.kind === 'route') return match;
  if (match.kind === 'none')
    return problem('route_not_found', `no route ${method} ${url.pathname}: see /v1/openapi.json`, requestId);
  const allow = match.allowed.join(', ');
  return problem(
    'method_not_allowed',
    `${method} is not allowed on ${url.pathname}; allowed: ${allow}`,
    requestId,
    {
      headers: { Allow: allow },
    },
  );
}

/** The authorizer, which runs before the body is read or validated: the identity, or a 401. */
export async function authorize(
  exchange: Exchange,
  match: Matched,
  auth: LocalAuth,
): Promise<{ identity: LocalIdentity } | APIGatewayProxyResult> {
  const identified = await identifyRequest(exchange.request, match.route, auth);
  if ('identity' in identified) return identified;
  return problem('unauthorized', identified.refused, exchange.requestId, {
    headers: { 'WWW-Authenticate': identified.challenge },
  });
}

/**
 * The body, read no further than the route takes, the sender stopped there: a flood of large
 * bodies then costs neither memory nor time (the handler checks the same limit on AWS, where
 * API Gateway reads up to 10 MB first).
 */
export async function body(exchange: Exchange, match: Matched): Promise<Buffer | APIGatewayProxyResult> {
  const limit = match.route.maxBodyBytes ?? MAX_BODY_BYTES;
  const read = await readBody(exchange.request, limit, 'stop');
  if (read !== 'too-large') return read;
  closeAfterAnswer(exchange.request, exchange.response);
  return problem(
    'payload_too_large',
    `the body is over ${limit} bytes, the limit of ${exchange.method} ${match.route.path}`,
    exchange.requestId,
  );
}

/** Runs the route's handler with the proxy event and context Lambda would give it. */
export function invoke(
  exchange: Exchange,
  match: Matched,
  request: { identity: LocalIdentity; body: Buffer },
  handlers: Readonly<Record<RouteName, ProxyHandler>>,
): Promise<APIGatewayProxyResult> {
  const event = toProxyEvent({
    request: exchange.request,
    url: exchange.url,
    body: request.body,
    resource: match.route.path,
    pathParameters: match.pathParameters,
    identity: request.identity,
    requestId: exchange.requestId,
  });
  return handlers[match.route.name](event, lambdaContext(match.route.name, exchange.requestId));
}

/** The CORS headers the gateway adds to its own answers, as API Gateway's gateway responses do. */
export function withCors(
  exchange: Exchange,
  result: APIGatewayProxyResult,
  origins: readonly string[],
): APIGatewayProxyResult {
  return { ...result, headers: { ...result.headers, ...corsHeaders(exchange.origin, origins) } };
}
