import { randomUUID } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { type RouteDefinition, requiredScope } from '@todolist/sdk/contract';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { config } from '../container.js';
import { isTodoApiError, UnauthorizedError } from '../errors.js';
import { logger, metrics, ROUTE_DIMENSION, ROUTE_METRIC } from '../observability.js';
import { parseJsonBody } from './body.js';
import { corsHeaders } from './cors.js';
import { header } from './headers.js';
import { ownerOf } from './identity.js';
import { parsePathParams, parseQuery } from './params.js';
import { problem, problemFromError } from './responses.js';

type Parsed<Schema> = Schema extends z.ZodMiniType ? z.output<Schema> : undefined;

/** A request as a route's action sees it: already parsed and validated through the contract. */
export interface RouteRequest<Route extends RouteDefinition> {
  event: APIGatewayProxyEvent;
  context: Context | undefined;
  requestId: string;
  /** The owner whose todos this request may see and change; empty on a public route (OpenAPI). */
  ownerId: string;
  params: Parsed<Route['pathParams']>;
  query: Parsed<Route['query']>;
  body: Parsed<Route['body']>;
}

/** An API Gateway REST (v1 payload) proxy handler. */
export type ProxyHandler = (event: APIGatewayProxyEvent, context?: Context) => Promise<APIGatewayProxyResult>;

/**
 * The request's owner. API Gateway's authorizer refuses a request without a valid token before
 * any function runs, so one reaching here without identity means a method was deployed without
 * the authorizer: refuse it rather than guess an owner.
 */
function ownerOrRefuse(route: RouteDefinition, event: APIGatewayProxyEvent): string {
  if (requiredScope(route) === null) return '';
  // An empty identity is no identity: it would name a partition no one owns.
  const owner = ownerOf(event, config.machineOwners);
  if (owner) return owner;
  logger.warn('request without identity: is the authorizer attached to this method?');
  throw new UnauthorizedError(
    'the request carries no identity: sign in and send "Authorization: Bearer <access token>"',
    'Bearer',
  );
}

function parseRequest<Route extends RouteDefinition>(
  route: Route,
  event: APIGatewayProxyEvent,
  context: Context | undefined,
  requestId: string,
): RouteRequest<Route> {
  return {
    event,
    context,
    requestId,
    ownerId: ownerOrRefuse(route, event),
    params: (route.pathParams ? parsePathParams(event, route.pathParams) : undefined) as Parsed<
      Route['pathParams']
    >,
    query: (route.query ? parseQuery(event, route.query) : undefined) as Parsed<Route['query']>,
    body: (route.body ? parseJsonBody(event, route.body, route.maxBodyBytes) : undefined) as Parsed<
      Route['body']
    >,
  };
}

function answerError(error: unknown, requestId: string): APIGatewayProxyResult {
  if (isTodoApiError(error)) return problemFromError(error, requestId);
  // Not the caller's fault: log everything, tell the caller nothing but the request id.
  logger.error('unhandled error', error as Error);
  return problem(
    'internal_error',
    'the server failed to handle the request; quote the requestId when reporting it',
    requestId,
  );
}

function record(
  route: RouteDefinition,
  event: APIGatewayProxyEvent,
  result: APIGatewayProxyResult,
  started: number,
) {
  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  const level = result.statusCode >= 500 ? 'error' : 'info';
  logger[level]('request handled', {
    method: event.httpMethod,
    path: event.path,
    status: result.statusCode,
    durationMs,
  });
  metrics.addDimension(ROUTE_DIMENSION, route.name);
  metrics.addMetric(ROUTE_METRIC.latency, MetricUnit.Milliseconds, durationMs);
  metrics.addMetric(
    result.statusCode >= 500
      ? ROUTE_METRIC.serverError
      : result.statusCode >= 400
        ? ROUTE_METRIC.clientError
        : ROUTE_METRIC.success,
    MetricUnit.Count,
    1,
  );
  metrics.publishStoredMetrics();
}

/**
 * Makes a Lambda handler for one route of the table: parse through the contract, run the
 * action, answer. Thrown {@link TodoApiError}s become problem details; anything else a 500
 * that reveals nothing. Every answer carries CORS headers, is logged with the request id and
 * counted in metrics.
 *
 * @example
 * ```ts
 * export const handler = defineRoute(routes.getTodo, async ({ ownerId, params }) => {
 *   const todo = await store.get(ownerId, params.id);
 *   return json(200, todo, { ETag: etag(todo.version) });
 * });
 * ```
 */
export function defineRoute<Route extends RouteDefinition>(
  route: Route,
  action: (request: RouteRequest<Route>) => Promise<APIGatewayProxyResult>,
): ProxyHandler {
  return async (event, context) => {
    const started = performance.now();
    const requestId = event.requestContext?.requestId ?? randomUUID();
    if (context) logger.addContext(context);
    logger.appendKeys({ requestId, route: route.name });
    let result: APIGatewayProxyResult;
    try {
      result = await action(parseRequest(route, event, context, requestId));
    } catch (error) {
      result = answerError(error, requestId);
    }
    result.headers = { ...result.headers, ...corsHeaders(header(event, 'origin'), config.allowedOrigins) };
    record(route, event, result, started);
    logger.removeKeys(['requestId', 'route']);
    return result;
  };
}
