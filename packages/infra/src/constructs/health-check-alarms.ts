import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Route 53 publishes its health checks' metrics in this region only, so their alarms live here. */
export const ROUTE53_METRICS_REGION = 'us-east-1';

/** Options of {@link HealthCheckAlarms}. */
export interface HealthCheckAlarmsProps {
  /** Each region's health check, by region. */
  readonly checks: ReadonlyMap<string, route53.IHealthCheck>;
  /** The alarm topic, in {@link ROUTE53_METRICS_REGION} (an alarm notifies a topic of its own region). */
  readonly topic: sns.ITopic;
  /** The region drained by hand, whose check reports unhealthy on purpose: it gets no alarm. @default none */
  readonly drain?: string | undefined;
  /** Minutes running a check must report unhealthy. @default 2 */
  readonly minutes?: number;
  /** The name of the alarm with construct id `id`. @default names CloudFormation makes up */
  readonly alarmName?: (id: string) => string;
}

/** An alarm per region on its Route 53 health check (`AWS/Route53 HealthCheckStatus`), to the alarm topic. */
export class HealthCheckAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: HealthCheckAlarmsProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (Token.isUnresolved(region) || region !== ROUTE53_METRICS_REGION) {
      throw new Error(
        `health check alarms must be made in ${ROUTE53_METRICS_REGION}, where Route 53's metrics are`,
      );
    }
    const minutes = props.minutes ?? 2;
    const topic = new actions.SnsAction(props.topic);
    this.alarms = [...props.checks]
      .filter(([checked]) => checked !== props.drain)
      .map(([checked, check]) => {
        const alarmId = `HealthCheck-${checked}`;
        const alarm = new cloudwatch.Alarm(this, alarmId, {
          ...(props.alarmName ? { alarmName: props.alarmName(alarmId) } : {}),
          alarmDescription: `Route 53 found the API in ${checked} unhealthy (GET /v1/health failing from its checkers) for ${minutes} minutes running: it answers api.<domain> with the other regions`,
          metric: new cloudwatch.Metric({
            namespace: 'AWS/Route53',
            metricName: 'HealthCheckStatus',
            dimensionsMap: { HealthCheckId: check.healthCheckId },
            statistic: 'Minimum',
            period: Duration.minutes(1),
          }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          evaluationPeriods: minutes,
          datapointsToAlarm: minutes,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
        alarm.addAlarmAction(topic);
        alarm.addOkAction(topic);
        return alarm;
      });
  }
}
