import { CHANGE_OVERLAP_MS } from '@todolist/handlers';
import { type RouteName, routes } from '@todolist/sdk/contract';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS_PER_ALARM } from '../src/constructs/api-metrics.js';
import type { ApiStack } from '../src/stacks/api-stack.js';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

let withEmail: Synthesized;
let template: Template;

beforeAll(() => {
  withEmail = synthesize(VARIANTS.customDomain);
  template = withEmail.template(withEmail.primary);
});

const routeNames = Object.keys(routes) as RouteName[];
/** The route functions in groups of METRICS_PER_ALARM, as the function alarms sum them. */
const functionGroups = Array.from({ length: Math.ceil(routeNames.length / METRICS_PER_ALARM) }, (_, group) =>
  routeNames.slice(group * METRICS_PER_ALARM, (group + 1) * METRICS_PER_ALARM),
);
const topicRef = () => ({ Ref: Match.stringLikeRegexp('^MonitoringAlarmsTopic') });
const alarms = (of: Template) => Object.values(of.findResources('AWS::CloudWatch::Alarm'));
const alarmNamed = (of: Template, name: string) =>
  alarms(of).find((alarm) => alarm.Properties.AlarmName === name)?.Properties;

describe('the alarms', () => {
  it('watch the 5xx rate of the API and of each route, function errors and throttles, p99 latency, table throttling, the sign-in trigger and live pushes, notifying the topic', () => {
    expect(alarms(template).map((alarm) => alarm.Properties.AlarmName as string)).toEqual([
      'prod-todolist-ServerErrorRate',
      ...routeNames.map((name) => `prod-todolist-ServerErrorRate-${name}`),
      ...functionGroups.map((_, group) => `prod-todolist-FunctionErrors-${group + 1}`),
      ...functionGroups.map((_, group) => `prod-todolist-FunctionThrottles-${group + 1}`),
      'prod-todolist-LatencyP99',
      'prod-todolist-TableThrottles',
      'prod-todolist-SignInTriggerErrors',
      'prod-todolist-LivePusherErrors',
      'prod-todolist-LiveStreamIteratorAge',
      'prod-todolist-LiveConnectionErrors',
    ]);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [topicRef()],
      OKActions: [topicRef()],
      TreatMissingData: 'notBreaching',
      AlarmDescription: Match.anyValue(),
    });
  });

  it('compute the 5xx rate as a percentage of requests, and sum errors over every route function, an idle one counting 0', () => {
    expect(alarmNamed(template, 'prod-todolist-ServerErrorRate')).toMatchObject({
      Metrics: expect.arrayContaining([
        expect.objectContaining({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' }),
        expect.objectContaining({
          Id: 'errors',
          MetricStat: expect.objectContaining({
            Metric: expect.objectContaining({ MetricName: '5XXError' }),
          }),
        }),
      ]),
      Threshold: 1,
    });
    // One series per group of route functions, each filled: with no datapoint (no invocation), a
    // plain sum would have no value, and notBreaching would hide one failing route among idle ones.
    // An alarm reads at most METRICS_PER_ALARM metrics (CloudWatch refuses more), hence the groups.
    expect(functionGroups.length).toBeGreaterThan(1);
    for (const kind of ['FunctionErrors', 'FunctionThrottles']) {
      const watched = functionGroups.flatMap((group, index) => {
        const name = `prod-todolist-${kind}-${index + 1}`;
        const metrics = alarmNamed(template, name)?.Metrics as {
          Expression?: string;
          MetricStat?: { Metric: { Dimensions: { Value: unknown }[] } };
        }[];
        const filled = group.map((_, at) => `FILL(f${at}, 0)`).join(' + ');
        expect(metrics.find((metric) => metric.Expression)?.Expression, name).toBe(filled);
        const stats = metrics.filter((metric) => !metric.Expression);
        expect(stats.length, name).toBeLessThanOrEqual(METRICS_PER_ALARM);
        expect(stats, name).toHaveLength(group.length);
        return stats.map((metric) => JSON.stringify(metric.MetricStat?.Metric.Dimensions));
      });
      // Every route function, each in one group.
      expect(new Set(watched).size, kind).toBe(routeNames.length);
    }
    expect(alarmNamed(template, 'prod-todolist-LatencyP99')).toMatchObject({
      Metrics: [
        expect.objectContaining({
          MetricStat: expect.objectContaining({
            Metric: expect.objectContaining({ MetricName: 'Latency' }),
            Stat: 'p99',
          }),
        }),
      ],
      Threshold: 2000,
      EvaluationPeriods: 3,
    });
  });

  it("alarm on each route's 5xx rate from its handler's own metrics, each series filled", () => {
    for (const name of routeNames) {
      const metrics = alarmNamed(template, `prod-todolist-ServerErrorRate-${name}`)?.Metrics as {
        Id: string;
        Expression?: string;
        MetricStat?: {
          Metric: { Namespace: string; MetricName: string; Dimensions: unknown[] };
          Stat: string;
        };
      }[];
      const expression = metrics.find((metric) => metric.Expression)?.Expression;
      expect(expression).toBe(
        'IF(FILL(ok, 0) + FILL(refused, 0) + FILL(failed, 0) > 0, 100 * FILL(failed, 0) / (FILL(ok, 0) + FILL(refused, 0) + FILL(failed, 0)), 0)',
      );
      const byId = Object.fromEntries(metrics.map((metric) => [metric.Id, metric.MetricStat]));
      for (const [id, metricName] of [
        ['ok', 'Success'],
        ['refused', 'ClientError'],
        ['failed', 'ServerError'],
      ] as const) {
        expect(byId[id], `${name} ${id}`).toEqual({
          Metric: {
            Namespace: 'todolist',
            MetricName: metricName,
            // Powertools' service dimension beside the handler's route.
            Dimensions: [
              { Name: 'route', Value: name },
              { Name: 'service', Value: 'prod-todolist' },
            ],
          },
          Period: 300,
          Stat: 'Sum',
        });
      }
    }
  });

  it("go to an encrypted, TLS-only topic that CloudWatch may publish to for this account's alarms only, with the e-mail subscription", () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@todolist.com',
    });
    const thisAccount = { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } };
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: topicRef(),
            Condition: {
              StringEquals: thisAccount,
              ArnLike: {
                'aws:SourceArn': {
                  'Fn::Join': ['', ['arn:aws:cloudwatch:eu-west-1:', { Ref: 'AWS::AccountId' }, ':alarm:*']],
                },
              },
            },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: thisAccount },
          }),
        ]),
      },
    });
  });

  it("fire when the sign-in trigger fails or is throttled, which fails the person's sign-in", () => {
    const trigger = withEmail.primary.signIn?.function;
    const functionId = withEmail.primary.getLogicalId(trigger?.node.defaultChild as never);
    const metrics = alarmNamed(template, 'prod-todolist-SignInTriggerErrors')?.Metrics as {
      Expression?: string;
      MetricStat?: { Metric: { MetricName: string; Dimensions: unknown[] } };
    }[];
    expect(metrics.find((metric) => metric.Expression)?.Expression).toBe('FILL(e, 0) + FILL(t, 0)');
    expect(metrics.filter((metric) => metric.MetricStat).map((metric) => metric.MetricStat?.Metric)).toEqual([
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
      },
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Throttles',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
      },
    ]);
    // Only where the user pool is: another region has no trigger.
    const multi = synthesize(VARIANTS.multiRegion);
    expect(alarmNamed(multi.template(multi.primary), 'prod-todolist-SignInTriggerErrors')).toBeDefined();
    expect(
      alarmNamed(multi.template(multi.stack('Todolist-eu-west-1')), 'prod-todolist-SignInTriggerErrors'),
    ).toBeUndefined();
  });

  it('never read more metrics in one alarm than CloudWatch allows, in any variant', () => {
    const multi = synthesize(VARIANTS.multiRegion);
    for (const of of [
      template,
      multi.template(multi.primary),
      multi.template(multi.stack('Todolist-eu-west-1')),
    ]) {
      for (const alarm of alarms(of)) {
        const stats = ((alarm.Properties.Metrics ?? []) as { MetricStat?: unknown }[]).filter(
          (metric) => metric.MetricStat,
        );
        expect(stats.length, alarm.Properties.AlarmName).toBeLessThanOrEqual(METRICS_PER_ALARM);
      }
    }
  });

  it('in several regions, watch replication from each region to every other one', () => {
    const multi = synthesize(VARIANTS.multiRegion);
    for (const [stack, other] of [
      [multi.primary, 'eu-west-1'],
      [multi.stack<ApiStack>('Todolist-eu-west-1'), 'us-east-1'],
    ] as const) {
      const replication = alarmNamed(multi.template(stack), `prod-todolist-ReplicationLatency-${other}`);
      // Half the changes feed's overlap: a lag near it could let a feed reader there miss a change.
      expect(replication?.Threshold).toBe(CHANGE_OVERLAP_MS / 2);
      expect(replication?.EvaluationPeriods).toBe(1);
      expect(replication?.Metrics).toEqual([
        expect.objectContaining({
          MetricStat: {
            Metric: {
              Namespace: 'AWS/DynamoDB',
              MetricName: 'ReplicationLatency',
              Dimensions: expect.arrayContaining([
                { Name: 'ReceivingRegion', Value: other },
                { Name: 'TableName', Value: 'prod-todolist' },
              ]),
            },
            Period: 300,
            Stat: 'Average',
          },
        }),
      ]);
    }
  });
});

describe('the dashboard', () => {
  it("shows API requests, 4xx, 5xx and latency, each route's handler metrics, each function, and the table", () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const metric of [
      'Count',
      '4XXError',
      '5XXError',
      'Latency',
      'Duration',
      'Errors',
      'Throttles',
      'ConcurrentExecutions',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'Success',
      'ClientError',
      'ServerError',
    ]) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
    expect(body).toContain('p50');
    expect(body).toContain('p99');
    // Where the user pool is, the sign-in trigger too.
    expect(body).toContain('Sign-in trigger: invocations, errors, throttles');
    expect(body).toContain(
      withEmail.primary.getLogicalId(withEmail.primary.signIn?.function.node.defaultChild as never),
    );
    for (const name of routeNames) {
      expect(body, name).toContain(`\\"label\\":\\"${name}\\"`);
      expect(body, name).toContain(`\\"todolist\\",\\"ServerError\\",\\"route\\",\\"${name}\\"`);
    }
  });
});
