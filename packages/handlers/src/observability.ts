import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** The EMF metrics each request records: its latency, and one count by the class of its answer. */
export const ROUTE_METRIC = {
  latency: 'Latency',
  success: 'Success',
  clientError: 'ClientError',
  serverError: 'ServerError',
} as const;

/** The dimension naming the route (the route table's name) on every {@link ROUTE_METRIC}. */
export const ROUTE_DIMENSION = 'route';

/** The namespace of the handlers' metrics, unless POWERTOOLS_METRICS_NAMESPACE names another. */
export const METRICS_NAMESPACE = 'todolist';

// One logger and one metrics buffer per container. Service name and namespace come from
// POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE when set.

/** Structured JSON logs carrying the request id of the request being handled. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'todolist' });

/** CloudWatch metrics written as EMF log lines, published at the end of each request. */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'todolist',
});
