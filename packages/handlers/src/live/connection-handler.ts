import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type {
  APIGatewayEventWebsocketRequestContextV2,
  APIGatewayProxyWebsocketEventV2WithRequestContext,
  Context,
} from 'aws-lambda';
import { logger, metrics, ROUTE_DIMENSION, ROUTE_METRIC } from '../observability.js';

/** A WebSocket route's event once the $connect authorizer has allowed the connection. */
export type LiveEvent = APIGatewayProxyWebsocketEventV2WithRequestContext<
  APIGatewayEventWebsocketRequestContextV2 & { authorizer?: { principalId?: unknown } | null }
>;

/** What a WebSocket route answers API Gateway: on $connect, anything but 2xx refuses the connection. */
export interface LiveAnswer {
  statusCode: number;
}

/** The connection an event is about, and its owner as the authorizer named them. */
export interface LiveConnectionRef {
  personId: string;
  connectionId: string;
}

/**
 * A handler of the WebSocket API's $connect or $disconnect route: finds the connection's owner
 * (the authorizer's `principalId`, which API Gateway keeps for the connection's every route),
 * runs `action`, logs with the request and connection ids, and records the route metrics the
 * REST routes record, with `name` as the route. A failure answers 500, so a $connect that
 * could not record its connection is refused and the client connects again.
 */
export function defineConnectionHandler(
  name: string,
  action: (connection: LiveConnectionRef) => Promise<void>,
): (event: LiveEvent, context?: Context) => Promise<LiveAnswer> {
  return async (event, context) => {
    const started = performance.now();
    if (context) logger.addContext(context);
    const { requestId, connectionId } = event.requestContext;
    logger.appendKeys({ requestId, route: name, connectionId });
    const personId = event.requestContext.authorizer?.principalId;
    let statusCode = 200;
    if (typeof personId !== 'string' || personId === '') {
      logger.warn('connection without identity: is the authorizer attached to $connect?');
      statusCode = 401;
    } else {
      try {
        await action({ personId, connectionId });
      } catch (error) {
        logger.error('live connection handler failed', error as Error);
        statusCode = 500;
      }
    }
    record(name, statusCode, started);
    logger.removeKeys(['requestId', 'route', 'connectionId']);
    return { statusCode };
  };
}

function record(name: string, statusCode: number, started: number): void {
  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  logger[statusCode >= 500 ? 'error' : 'info']('live event handled', { status: statusCode, durationMs });
  metrics.addDimension(ROUTE_DIMENSION, name);
  metrics.addMetric(ROUTE_METRIC.latency, MetricUnit.Milliseconds, durationMs);
  const outcome =
    statusCode >= 500
      ? ROUTE_METRIC.serverError
      : statusCode >= 400
        ? ROUTE_METRIC.clientError
        : ROUTE_METRIC.success;
  metrics.addMetric(outcome, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}
