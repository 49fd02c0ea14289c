import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

// One logger and one metrics buffer per container. Service name and namespace come from
// POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE when set.

/** Structured JSON logs carrying the request id of the request being handled. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'todolist' });

/** CloudWatch metrics written as EMF log lines, published at the end of each request. */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'todolist',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'todolist',
});
