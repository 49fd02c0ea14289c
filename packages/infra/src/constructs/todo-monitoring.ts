import { CHANGE_OVERLAP_MS } from '@todolist/handlers';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.js';
import { ApiMetrics, filledSum, PERIOD, type WatchedResources } from './api-metrics.js';
import { ITERATOR_AGE_ALARM_MS, LiveMetrics } from './live-metrics.js';
import { TodoDashboard } from './todo-dashboard.js';
import type { TodoLive } from './todo-live.js';

/** Options of {@link TodoMonitoring}. */
export interface TodoMonitoringProps extends WatchedResources {
  /** @default no e-mail subscription */
  readonly alarmEmail?: string | undefined;
  /** Percent of requests answered 5xx that raises the alarm, for the API and for each route. @default 1 */
  readonly serverErrorPercent?: number;
  /** p99 latency of the API, in milliseconds, that raises the alarm. @default 2000 */
  readonly p99LatencyMs?: number;
  /** The other regions holding a replica of the table: replication to each is watched. @default none */
  readonly replicaRegions?: readonly string[];
  /**
   * Average replication latency, in milliseconds, that raises the alarm. The changes feed re-reads
   * CHANGE_OVERLAP_MS (5 s) for writes replicated late; a lag near it could let a reader in the
   * receiving region miss one, so the alarm fires at half of it. @default CHANGE_OVERLAP_MS / 2
   */
  readonly replicationLatencyMs?: number;
  /** The name of the alarm with construct id `id` (the subject of its e-mail). @default names CloudFormation makes up */
  readonly alarmName?: (id: string) => string;
  /** The user pool's sign-in trigger, in the region that holds the pool. @default none */
  readonly signInTrigger?: lambda.IFunction;
  /** Live pushes in this region: the WebSocket API, its functions and the stream's pusher. @default none */
  readonly live?: TodoLive;
}

/**
 * The API's alarms (5xx rate of the API and of each route, function errors and throttles, p99
 * latency, table throttling, replication to each other region, the sign-in trigger's failures,
 * the live pusher's failures and how far it lags the stream, the live connection functions' errors),
 * each notifying the alarm topic and its e-mail when given, and the dashboard.
 */
export class TodoMonitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[];
  readonly topic: AlarmTopic;
  readonly dashboard: TodoDashboard;

  constructor(scope: Construct, id: string, props: TodoMonitoringProps) {
    super(scope, id);
    const metrics = new ApiMetrics(props);
    this.topic = new AlarmTopic(this, 'Alarms', { email: props.alarmEmail });
    const alarm = (alarmId: string, options: AlarmOptions) => this.#alarm(alarmId, options, props.alarmName);
    const errorPercent = props.serverErrorPercent ?? 1;
    const p99 = props.p99LatencyMs ?? 2000;
    const replication = props.replicationLatencyMs ?? CHANGE_OVERLAP_MS / 2;
    this.alarms = [
      alarm('ServerErrorRate', {
        metric: metrics.serverErrorPercent(),
        threshold: errorPercent,
        periods: 2,
        description: `${errorPercent}% or more of API requests answered 5xx, in two 5-minute periods running`,
      }),
      ...metrics.routes.names.map((route) =>
        alarm(`ServerErrorRate-${route}`, {
          metric: metrics.routes.serverErrorPercent(route),
          threshold: errorPercent,
          periods: 2,
          description: `${errorPercent}% or more of ${route}'s answers were 5xx (its handler's ServerError count), in two 5-minute periods running`,
        }),
      ),
      // One alarm per group of functions: an alarm reads at most METRICS_PER_ALARM metrics.
      ...metrics
        .sumsOverFunctions((fn, o) => fn.metricErrors(o), 'function errors')
        .map(({ names, sum }, group) =>
          alarm(`FunctionErrors-${group + 1}`, {
            metric: sum,
            threshold: 1,
            periods: 1,
            description: `A route function failed (an unhandled error or a timeout) in the last 5 minutes: one of ${names.join(', ')}`,
          }),
        ),
      ...metrics
        .sumsOverFunctions((fn, o) => fn.metricThrottles(o), 'function throttles')
        .map(({ names, sum }, group) =>
          alarm(`FunctionThrottles-${group + 1}`, {
            metric: sum,
            threshold: 1,
            periods: 1,
            description: `Lambda throttled a route function in the last 5 minutes (concurrency is exhausted): one of ${names.join(', ')}`,
          }),
        ),
      alarm('LatencyP99', {
        metric: metrics.latency('p99'),
        threshold: p99,
        periods: 3,
        description: `API p99 latency at or above ${p99} ms for three 5-minute periods running`,
      }),
      alarm('TableThrottles', {
        metric: metrics.tableThrottles(),
        threshold: 1,
        periods: 1,
        description: 'DynamoDB throttled reads or writes of the todo table in the last 5 minutes',
      }),
      ...(props.replicaRegions ?? []).map((region) =>
        alarm(`ReplicationLatency-${region}`, {
          metric: metrics.replicationLatency(region),
          threshold: replication,
          periods: 1,
          description: `This region's writes took ${replication / 1000} s or more on average to reach the table's replica in ${region} in the last 5 minutes: near the changes feed's ${CHANGE_OVERLAP_MS / 1000} s overlap, readers there may miss a change (they re-sync in full on their next start)`,
        }),
      ),
      ...(props.signInTrigger
        ? [
            alarm('SignInTriggerErrors', {
              metric: signInFailures(props.signInTrigger),
              threshold: 1,
              periods: 1,
              description:
                'The sign-in trigger failed, timed out or was throttled in the last 5 minutes: Cognito refuses the sign-in or token refresh it ran for',
            }),
          ]
        : []),
    ];
    const live = props.live ? new LiveMetrics(props.live, props.serviceName) : undefined;
    if (live) this.alarms.push(...this.#liveAlarms(live, props.alarmName));
    this.dashboard = new TodoDashboard(this, 'Dashboard', {
      metrics,
      alarms: this.alarms,
      replicaRegions: props.replicaRegions ?? [],
      signInTrigger: props.signInTrigger,
      live,
    });
  }

  #liveAlarms(live: LiveMetrics, alarmName: ((id: string) => string) | undefined): cloudwatch.Alarm[] {
    return [
      this.#alarm(
        'LivePusherErrors',
        {
          metric: live.pusherFailures(),
          threshold: 1,
          periods: 1,
          description:
            "The live pusher failed, timed out or was throttled in the last 5 minutes: Lambda retries the stream's batch (halving it), and clients hear of changes late",
        },
        alarmName,
      ),
      this.#alarm(
        'LiveStreamIteratorAge',
        {
          metric: live.iteratorAge(),
          threshold: ITERATOR_AGE_ALARM_MS,
          periods: 1,
          description: `The live pusher is ${ITERATOR_AGE_ALARM_MS / 1000} s or more behind the table's stream: pokes arrive that late (records older than 10 minutes are skipped)`,
        },
        alarmName,
      ),
      this.#alarm(
        'LiveConnectionErrors',
        {
          metric: live.connectionFunctionErrors(),
          threshold: 1,
          periods: 1,
          description:
            'The live authorizer, $connect or $disconnect function failed in the last 5 minutes: connections are refused (500) or kept past their close',
        },
        alarmName,
      ),
    ];
  }

  /** An alarm at or above the threshold in `periods` periods running, notifying the topic both ways. */
  #alarm(id: string, options: AlarmOptions, alarmName: ((id: string) => string) | undefined) {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...(alarmName ? { alarmName: alarmName(id) } : {}),
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: options.periods,
      datapointsToAlarm: options.periods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic.topic));
    return alarm;
  }
}

/** The trigger's errors and throttles, each filled: either one fails the sign-in it ran for. */
function signInFailures(trigger: lambda.IFunction): cloudwatch.MathExpression {
  const options = { period: PERIOD, statistic: 'Sum' };
  return new cloudwatch.MathExpression({
    expression: filledSum(['e', 't']),
    usingMetrics: { e: trigger.metricErrors(options), t: trigger.metricThrottles(options) },
    label: 'sign-in trigger errors and throttles',
    period: PERIOD,
  });
}

interface AlarmOptions {
  readonly metric: cloudwatch.IMetric;
  readonly threshold: number;
  readonly periods: number;
  readonly description: string;
}
