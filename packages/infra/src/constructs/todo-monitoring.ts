import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic.js';
import { ApiMetrics, type WatchedResources } from './api-metrics.js';
import { TodoDashboard } from './todo-dashboard.js';

/** Options of {@link TodoMonitoring}. */
export interface TodoMonitoringProps extends WatchedResources {
  /** @default no e-mail subscription */
  readonly alarmEmail?: string | undefined;
  /** Percent of requests answered 5xx that raises the alarm. @default 1 */
  readonly serverErrorPercent?: number;
  /** p99 latency of the API, in milliseconds, that raises the alarm. @default 2000 */
  readonly p99LatencyMs?: number;
}

/**
 * The API's alarms (5xx rate, function errors and throttles, p99 latency, table throttling),
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
    const errorPercent = props.serverErrorPercent ?? 1;
    const p99 = props.p99LatencyMs ?? 2000;
    this.alarms = [
      this.#alarm(
        'ServerErrorRate',
        metrics.serverErrorPercent(),
        errorPercent,
        2,
        `${errorPercent}% or more of API requests answered 5xx, in two 5-minute periods running`,
      ),
      this.#alarm(
        'FunctionErrors',
        metrics.sumOverFunctions((fn, o) => fn.metricErrors(o), 'function errors'),
        1,
        1,
        'A route function failed (an unhandled error or a timeout) in the last 5 minutes',
      ),
      this.#alarm(
        'FunctionThrottles',
        metrics.sumOverFunctions((fn, o) => fn.metricThrottles(o), 'function throttles'),
        1,
        1,
        'Lambda throttled a route function in the last 5 minutes: concurrency is exhausted',
      ),
      this.#alarm(
        'LatencyP99',
        metrics.latency('p99'),
        p99,
        3,
        `API p99 latency at or above ${p99} ms for three 5-minute periods running`,
      ),
      this.#alarm(
        'TableThrottles',
        metrics.tableThrottles(),
        1,
        1,
        'DynamoDB throttled reads or writes of the todo table in the last 5 minutes',
      ),
    ];
    this.dashboard = new TodoDashboard(this, 'Dashboard', { metrics, alarms: this.alarms });
  }

  /** An alarm at or above `threshold` in `periods` periods running, notifying the topic both ways. */
  #alarm(id: string, metric: cloudwatch.IMetric, threshold: number, periods: number, description: string) {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic.topic));
    return alarm;
  }
}
