import { LIVE_METRIC } from '@todolist/handlers';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { type ApiMetrics, PERIOD } from './api-metrics.js';
import type { LiveMetrics } from './live-metrics.js';
import { ROUTE_METRIC } from './route-metrics.js';

/**
 * The API's dashboard: requests, 4xx, 5xx and latency; each route's answers and latency as its
 * handler records them (EMF); each function's duration, errors, throttles and concurrency; the
 * table's throttles, capacity and replication; the sign-in trigger, where the user pool is;
 * live pushes (connections and messages, pokes, the pusher's lag); the alarms' state.
 */
export class TodoDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly metrics: ApiMetrics;
      readonly alarms: cloudwatch.IAlarm[];
      /** The other regions the table replicates to. */
      readonly replicaRegions: readonly string[];
      /** The user pool's sign-in trigger, in the region that holds the pool. @default none */
      readonly signInTrigger?: lambda.IFunction | undefined;
      /** Live pushes' metrics. @default none */
      readonly live?: LiveMetrics | undefined;
    },
  ) {
    super(scope, id);
    const { metrics } = props;
    const graph = (title: string, left: cloudwatch.IMetric[], width = 6) =>
      new cloudwatch.GraphWidget({ title, width, left });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      graph('API requests', [metrics.requests]),
      graph('API 4xx and 5xx', [metrics.clientErrors, metrics.serverErrors]),
      graph('API latency p50 and p99 (ms)', [metrics.latency('p50'), metrics.latency('p99')]),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 6, alarms: props.alarms }),
    );
    const { routes } = metrics;
    this.dashboard.addWidgets(
      graph('Route answers 2xx/3xx (handler)', routes.each(ROUTE_METRIC.success)),
      graph('Route answers 4xx (handler)', routes.each(ROUTE_METRIC.clientError)),
      graph('Route answers 5xx (handler)', routes.each(ROUTE_METRIC.serverError)),
      graph('Route latency p99 (handler, ms)', routes.each(ROUTE_METRIC.latency, 'p99')),
    );
    this.dashboard.addWidgets(
      graph(
        'Function duration p99 (ms)',
        metrics.perFunction((fn, o) => fn.metricDuration({ ...o, statistic: 'p99' })),
      ),
      graph(
        'Function errors',
        metrics.perFunction((fn, o) => fn.metricErrors(o)),
      ),
      graph(
        'Function throttles',
        metrics.perFunction((fn, o) => fn.metricThrottles(o)),
      ),
      graph(
        'Function concurrency (max)',
        metrics.perFunction((fn, o) => fn.metric('ConcurrentExecutions', { ...o, statistic: 'Maximum' })),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Table throttle events',
        [metrics.table('ReadThrottleEvents'), metrics.table('WriteThrottleEvents')],
        12,
      ),
      graph(
        'Table consumed capacity',
        [metrics.table('ConsumedReadCapacityUnits'), metrics.table('ConsumedWriteCapacityUnits')],
        props.replicaRegions.length > 0 ? 6 : 12,
      ),
      ...(props.replicaRegions.length > 0
        ? [
            graph(
              'Replication latency (ms)',
              props.replicaRegions.map((region) => metrics.replicationLatency(region)),
            ),
          ]
        : []),
    );
    const trigger = props.signInTrigger;
    if (trigger) {
      const sum = { period: PERIOD, statistic: 'Sum' };
      this.dashboard.addWidgets(
        graph(
          'Sign-in trigger: invocations, errors, throttles',
          [trigger.metricInvocations(sum), trigger.metricErrors(sum), trigger.metricThrottles(sum)],
          12,
        ),
        graph(
          'Sign-in trigger duration p99 (ms, Cognito waits 5 s)',
          [trigger.metricDuration({ period: PERIOD, statistic: 'p99' })],
          12,
        ),
      );
    }
    if (props.live) this.#addLive(graph, props.live);
  }

  #addLive(
    graph: (title: string, left: cloudwatch.IMetric[], width?: number) => cloudwatch.GraphWidget,
    live: LiveMetrics,
  ): void {
    this.dashboard.addWidgets(
      graph('Live: connections and messages (WebSocket API)', [
        live.stage('ConnectCount'),
        live.stage('MessageCount'),
        live.refusals(),
      ]),
      graph('Live: stage errors', [
        live.stage('ClientError'),
        live.stage('ExecutionError'),
        live.stage('IntegrationError'),
      ]),
      graph('Live: pokes (pusher)', [
        live.pusher(LIVE_METRIC.pokes, 'pokes'),
        live.pusher(LIVE_METRIC.goneConnections, 'gone connections'),
        live.pusher(LIVE_METRIC.failedPokes, 'failed pokes'),
        live.pusher(LIVE_METRIC.failedRecords, 'records retried'),
      ]),
      graph("Live: pusher's lag behind the stream (ms)", [live.iteratorAge()]),
    );
  }
}
