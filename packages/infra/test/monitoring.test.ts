import { routes } from '@todolist/sdk/contract';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

let withEmail: Synthesized;
let template: Template;

beforeAll(() => {
  withEmail = synthesize(VARIANTS.customDomain);
  template = withEmail.template(withEmail.primary);
});

const topicRef = () => ({ Ref: Match.stringLikeRegexp('^MonitoringAlarmsTopic') });

describe('the alarms', () => {
  it('watch the 5xx rate, function errors and throttles, p99 latency and table throttling, notifying the topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((alarm) => alarm.Properties.AlarmDescription as string)).toEqual([
      expect.stringContaining('answered 5xx'),
      expect.stringContaining('route function failed'),
      expect.stringContaining('throttled a route function'),
      expect.stringContaining('p99 latency'),
      expect.stringContaining('DynamoDB throttled'),
    ]);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [topicRef()],
      OKActions: [topicRef()],
      TreatMissingData: 'notBreaching',
    });
  });

  it('compute the 5xx rate as a percentage of requests, and sum errors over every route function', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' }),
        Match.objectLike({
          Id: 'errors',
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '5XXError' }) }),
        }),
      ]),
      Threshold: 1,
    });
    const routeCount = Object.keys(routes).length;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({
          Expression: Array.from({ length: routeCount }, (_, index) => `f${index}`).join(' + '),
        }),
      ]),
      AlarmDescription: Match.stringLikeRegexp('route function failed'),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'Latency' }), Stat: 'p99' }),
        }),
      ],
      Threshold: 2000,
      EvaluationPeriods: 3,
    });
  });

  it('go to an encrypted, TLS-only topic, with the e-mail subscription when one is given', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@todolist.com',
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the dashboard', () => {
  it('shows API requests, 4xx, 5xx and latency, each function, and the table throttles', () => {
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
    ]) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
    expect(body).toContain('p50');
    expect(body).toContain('p99');
    for (const name of Object.keys(routes)) expect(body, name).toContain(`\\"label\\":\\"${name}\\"`);
  });
});
