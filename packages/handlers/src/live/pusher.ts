import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ConfigError } from '../config.js';
import { config, documentClient } from '../container.js';
import { logger, metrics, ROUTE_DIMENSION } from '../observability.js';
import { managementApiPoster } from './connection-poster.js';
import { connections } from './live-container.js';
import { LIVE_HANDLERS, LIVE_METRIC } from './live-metrics.js';
import { type PushReport, pushChanges } from './push-changes.js';

// The table's stream consumer in one region: each region's stream carries every region's writes
// (a global table replicates through it), and each region's pusher posts only to the connections
// its own WebSocket API holds, so each client hears of a change once.

if (!config.liveCallbackUrl)
  throw new ConfigError('LIVE_CALLBACK_URL is not set: the pusher has no WebSocket API to post to');
const poster = managementApiPoster(new ApiGatewayManagementApiClient({ endpoint: config.liveCallbackUrl }));
const table = { client: documentClient, name: config.tableName };

/** The DynamoDB stream handler (with ReportBatchItemFailures): pokes whoever may see each change. */
export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  if (context) logger.addContext(context);
  logger.appendKeys({ route: LIVE_HANDLERS.pusher });
  const report = await pushChanges(event.Records ?? [], {
    table,
    connections,
    poster,
    onError: (message, error, details) => logger.warn(message, { ...details, error: error as Error }),
  });
  record(report);
  logger.removeKeys(['route']);
  return report.response;
}

function record(report: PushReport): void {
  const { response, failure, ...counts } = report;
  if (failure !== undefined)
    logger.error('could not read who hears of a change: Lambda sends the batch again from it', {
      ...counts,
      error: failure as Error,
    });
  else logger.info('changes pushed', counts);
  metrics.addDimension(ROUTE_DIMENSION, LIVE_HANDLERS.pusher);
  metrics.addMetric(LIVE_METRIC.pokes, MetricUnit.Count, counts.pokes);
  metrics.addMetric(LIVE_METRIC.goneConnections, MetricUnit.Count, counts.goneConnections);
  metrics.addMetric(LIVE_METRIC.failedPokes, MetricUnit.Count, counts.failedPokes);
  metrics.addMetric(LIVE_METRIC.failedRecords, MetricUnit.Count, counts.failedRecords);
  metrics.publishStoredMetrics();
}
