import { LIVE_STREAM_FILTERS } from '@todolist/handlers';
import { Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { cdkHandlerLogGroup } from './handler-logs.js';

/** Options of {@link LiveStream}. */
export interface LiveStreamProps {
  /** The pusher (`livePusher`), allowed to read this table's streams already. */
  readonly pusher: lambda.IFunction;
  /** The ARN of this region's stream of the table (the primary's table, or this region's replica). */
  readonly streamArn: string;
  /** Records per invocation. @default 100 */
  readonly batchSize?: number;
  /** Times a failing batch is tried again (halved each time by bisection) before it is skipped. @default 5 */
  readonly retryAttempts?: number;
  /**
   * Records older than this are skipped, not pushed: a poke that late helps no client, and
   * the clients' reconnects read their feeds anyway. @default 10 minutes
   */
  readonly maxRecordAge?: Duration;
}

/**
 * The pusher's event source mapping on the table's stream. A construct of its own at the
 * stack's root, because it is the one resource that must name the table (by its stream's ARN):
 * the table is created last in the primary's stack (TodoTable.createdLast), and this after it.
 */
export class LiveStream extends Construct {
  readonly mapping: lambda.EventSourceMapping;

  constructor(scope: Construct, id: string, props: LiveStreamProps) {
    super(scope, id);
    this.mapping = new lambda.EventSourceMapping(this, 'Mapping', {
      target: props.pusher,
      eventSourceArn: props.streamArn,
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: props.batchSize ?? 100,
      // A poke should be as prompt as the stream: no batching window.
      maxBatchingWindow: Duration.seconds(0),
      bisectBatchOnError: true,
      retryAttempts: props.retryAttempts ?? 5,
      maxRecordAge: props.maxRecordAge ?? Duration.minutes(10),
      reportBatchItemFailures: true,
      // Lambda drops every other record before invoking: connections, claims, TTL's removals.
      filters: LIVE_STREAM_FILTERS.map((pattern) => lambda.FilterCriteria.filter({ ...pattern })),
    });
  }
}

/**
 * In a region holding a replica of the table (made by the primary's stack), the replica's stream
 * ARN, read at deployment (DescribeTable): it ends with a label DynamoDB chose when it made the
 * stream. `revision` is the primary table's definition digest: it is read again whenever a
 * deployment of the primary may have changed the table.
 */
export function replicaStreamArn(scope: Construct, id: string, tableName: string, revision: string): string {
  const call: cr.AwsSdkCall = {
    service: 'DynamoDB',
    action: 'describeTable',
    parameters: { TableName: tableName },
    physicalResourceId: cr.PhysicalResourceId.of(`${tableName}:stream:${revision}`),
    outputPaths: ['Table.LatestStreamArn'],
  };
  const read = new cr.AwsCustomResource(scope, id, {
    resourceType: 'Custom::TodolistReplicaStream',
    onCreate: call,
    onUpdate: call,
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({
      resources: [
        Stack.of(scope).formatArn({ service: 'dynamodb', resource: 'table', resourceName: tableName }),
      ],
    }),
    installLatestAwsSdk: false,
    logGroup: cdkHandlerLogGroup(scope, 'AwsCustomResource'),
  });
  return read.getResponseField('Table.LatestStreamArn');
}
