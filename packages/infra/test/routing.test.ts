import { routes } from '@todolist/sdk/contract';
import type { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiStack } from '../src/stacks/api-stack.js';
import type { RoutingStack } from '../src/stacks/routing-stack.js';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

const ROUTING = 'Todolist-Routing';

interface RecordSet {
  Name: string;
  Type: string;
  SetIdentifier?: string;
  Region?: string;
  Weight?: number;
  GeoLocation?: Record<string, string>;
  Failover?: string;
  HealthCheckId?: { Ref: string };
  AliasTarget: { DNSName: unknown; HostedZoneId: unknown; EvaluateTargetHealth: boolean };
}

function routingOf(synthesized: Synthesized) {
  const stack = synthesized.stack<RoutingStack>(ROUTING);
  const template = synthesized.template(stack);
  const all = Object.entries(template.findResources('AWS::Route53::RecordSetGroup')) as [
    string,
    { Properties: { RecordSets: (RecordSet & { Name: string })[]; Comment: string } },
  ][];
  // api.<domain>'s group; live.<domain>'s mirrors it (test/live.test.ts holds that).
  expect(all.map(([, group]) => group.Properties.RecordSets[0]?.Name).sort()).toEqual([
    'api.todolist.com',
    'live.todolist.com',
  ]);
  const groups = all.filter(([, group]) => group.Properties.RecordSets[0]?.Name === 'api.todolist.com');
  const [id, group] = groups[0] as (typeof all)[number];
  const checks = template.findResources('AWS::Route53::HealthCheck');
  /** The logical id of the health check of `region`, found by the API it calls. */
  const checkOf = (region: string) =>
    Object.entries(checks).find(([, check]) =>
      JSON.stringify(check.Properties.HealthCheckConfig.FullyQualifiedDomainName).includes(
        `.execute-api.${region}.`,
      ),
    )?.[0];
  return {
    stack,
    template,
    groupId: id,
    group: group.Properties,
    records: group.Properties.RecordSets,
    checks,
    checkOf,
  };
}

/**
 * Fn::GetStackOutput of the API stack of `region`, as CloudFormation reads it at deployment: the
 * primary's stack is `prod-Todolist` (in us-east-1 in the two-region variants), another's `prod-Todolist-<region>`.
 */
const outputOf = (
  region: string,
  stackName = region === 'us-east-1' ? 'prod-Todolist' : `prod-Todolist-${region}`,
) => ({
  'Fn::GetStackOutput': expect.objectContaining({ StackName: stackName, Region: region }),
});

const variants: Record<string, Synthesized> = {};
beforeAll(() => {
  for (const name of ['customDomain', 'multiRegion', 'weighted', 'geolocation', 'failover'] as const) {
    variants[name] = synthesize(VARIANTS[name]);
  }
});

describe('api.<domain> in one region', () => {
  it('is one plain alias of the regional custom domain, evaluating its health, in a us-east-1 routing stack', () => {
    const { stack, records, checks } = routingOf(variants.customDomain as Synthesized);
    expect(stack.region).toBe('us-east-1');
    expect(records).toEqual([
      {
        Name: 'api.todolist.com',
        Type: 'A',
        AliasTarget: {
          DNSName: outputOf('eu-west-1', 'prod-Todolist'),
          HostedZoneId: outputOf('eu-west-1', 'prod-Todolist'),
          EvaluateTargetHealth: true,
        },
      },
    ]);
    expect(checks).toEqual({});
  });
});

describe('api.<domain> across two regions', () => {
  it.each(['multiRegion', 'weighted', 'geolocation', 'failover'])(
    '%s: checks each region with GET /v1/health every 10 s, searching for {"status":"ok"}',
    (variant) => {
      const { checks, records, checkOf } = routingOf(variants[variant] as Synthesized);
      expect(Object.keys(checks)).toHaveLength(2);
      for (const region of ['us-east-1', 'eu-west-1']) {
        const config = checks[checkOf(region) as string]?.Properties.HealthCheckConfig;
        expect(config).toMatchObject({
          Type: 'HTTPS_STR_MATCH',
          ResourcePath: routes.health.path,
          SearchString: '"status":"ok"',
          RequestInterval: 10,
          Port: 443,
          EnableSNI: true,
          Inverted: false,
          Regions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'],
        });
        // The region's own API, read from its stack when this one deploys.
        expect(config.FullyQualifiedDomainName['Fn::Join'][1][0]).toEqual(outputOf(region));
      }
      for (const record of records) {
        expect(record.AliasTarget.EvaluateTargetHealth, JSON.stringify(record)).toBe(true);
        expect(record.HealthCheckId, JSON.stringify(record)).toBeDefined();
        expect(record.SetIdentifier).toMatch(/^api-(latency|weighted|geo|failover)-/);
      }
    },
  );

  it('latency (the default): a record per region, answered from the nearest healthy one', () => {
    const { records, checkOf } = routingOf(variants.multiRegion as Synthesized);
    expect(
      records.map(({ SetIdentifier, Region, HealthCheckId }) => ({ SetIdentifier, Region, HealthCheckId })),
    ).toEqual([
      {
        SetIdentifier: 'api-latency-us-east-1',
        Region: 'us-east-1',
        HealthCheckId: { Ref: checkOf('us-east-1') },
      },
      {
        SetIdentifier: 'api-latency-eu-west-1',
        Region: 'eu-west-1',
        HealthCheckId: { Ref: checkOf('eu-west-1') },
      },
    ]);
    expect(records[1]?.AliasTarget.DNSName).toEqual(outputOf('eu-west-1'));
  });

  it('weighted: each region its share of the weights', () => {
    const { records } = routingOf(variants.weighted as Synthesized);
    expect(records.map(({ SetIdentifier, Weight, Region }) => ({ SetIdentifier, Weight, Region }))).toEqual([
      { SetIdentifier: 'api-weighted-us-east-1', Weight: 90, Region: undefined },
      { SetIdentifier: 'api-weighted-eu-west-1', Weight: 10, Region: undefined },
    ]);
  });

  it('geolocation: a record per location, continents and the default (*), each to its region', () => {
    const { records, checkOf } = routingOf(variants.geolocation as Synthesized);
    expect(
      records.map(({ SetIdentifier, GeoLocation, HealthCheckId }) => ({
        SetIdentifier,
        GeoLocation,
        HealthCheckId,
      })),
    ).toEqual([
      {
        SetIdentifier: 'api-geo-EU',
        GeoLocation: { ContinentCode: 'EU' },
        HealthCheckId: { Ref: checkOf('eu-west-1') },
      },
      {
        SetIdentifier: 'api-geo-NA',
        GeoLocation: { ContinentCode: 'NA' },
        HealthCheckId: { Ref: checkOf('us-east-1') },
      },
      {
        SetIdentifier: 'api-geo-default',
        GeoLocation: { CountryCode: '*' },
        HealthCheckId: { Ref: checkOf('us-east-1') },
      },
    ]);
  });

  it('failover: the first region while healthy, the second otherwise', () => {
    const { records, checkOf } = routingOf(variants.failover as Synthesized);
    expect(
      records.map(({ SetIdentifier, Failover, HealthCheckId }) => ({
        SetIdentifier,
        Failover,
        HealthCheckId,
      })),
    ).toEqual([
      {
        SetIdentifier: 'api-failover-primary',
        Failover: 'PRIMARY',
        HealthCheckId: { Ref: checkOf('us-east-1') },
      },
      {
        SetIdentifier: 'api-failover-secondary',
        Failover: 'SECONDARY',
        HealthCheckId: { Ref: checkOf('eu-west-1') },
      },
    ]);
  });

  it('deploys after every region it reads, by weak references (no exports tie the stacks)', () => {
    const synthesized = variants.multiRegion as Synthesized;
    const { stack } = routingOf(synthesized);
    const regions = [synthesized.primary, synthesized.stack<ApiStack>('Todolist-eu-west-1')];
    expect(stack.dependencies).toEqual(expect.arrayContaining(regions));
    for (const region of [...regions, stack]) {
      expect(JSON.stringify(synthesized.template(region).toJSON())).not.toContain('Fn::ImportValue');
    }
  });
});

describe('the health checks', () => {
  it("alarm in us-east-1 (where Route 53's metrics are) on each region's status, to that region's alarm topic", () => {
    const { template, checkOf } = routingOf(variants.multiRegion as Synthesized);
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((alarm) => alarm.Properties.AlarmName)).toEqual([
      'prod-todolist-HealthCheck-us-east-1',
      'prod-todolist-HealthCheck-eu-west-1',
    ]);
    for (const [region, alarm] of [
      ['us-east-1', alarms[0]],
      ['eu-west-1', alarms[1]],
    ] as const) {
      expect(alarm?.Properties).toMatchObject({
        Namespace: 'AWS/Route53',
        MetricName: 'HealthCheckStatus',
        Dimensions: [{ Name: 'HealthCheckId', Value: { Ref: checkOf(region) } }],
        Statistic: 'Minimum',
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        // The us-east-1 API stack's topic: the same one its own alarms notify.
        AlarmActions: [outputOf('us-east-1')],
        OKActions: [outputOf('us-east-1')],
      });
    }
  });

  it('with no region in us-east-1, notify a topic of the routing stack, with the same e-mail', () => {
    const synthesized = synthesize({
      ...VARIANTS.multiRegion,
      regions: 'eu-west-1,eu-central-1',
      alarmEmail: 'ops@todolist.com',
    });
    const { template } = routingOf(synthesized);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@todolist.com',
    });
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
    }
  });

  it("drain=<region>: inverts that region's check, so Route 53 sends its traffic elsewhere, and drops its alarm", () => {
    const synthesized = synthesize({ ...VARIANTS.weighted, drain: 'eu-west-1' });
    const { checks, checkOf, template } = routingOf(synthesized);
    expect(checks[checkOf('eu-west-1') as string]?.Properties.HealthCheckConfig.Inverted).toBe(true);
    expect(checks[checkOf('us-east-1') as string]?.Properties.HealthCheckConfig.Inverted).toBe(false);
    expect(
      Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
        (alarm) => alarm.Properties.AlarmName,
      ),
    ).toEqual(['prod-todolist-HealthCheck-us-east-1']);
    // Only the routing stack changes: the regions' own stacks are as without the drain.
    const undrained = variants.weighted as Synthesized;
    for (const id of ['Todolist', 'Todolist-eu-west-1']) {
      expect(synthesized.template(synthesized.stack<Stack>(id)).toJSON()).toEqual(
        undrained.template(undrained.stack<Stack>(id)).toJSON(),
      );
    }
  });
});

describe('growing from one region to two', () => {
  let one: ReturnType<typeof routingOf>;
  let two: ReturnType<typeof routingOf>;
  beforeAll(() => {
    one = routingOf(synthesize({ ...VARIANTS.multiRegion, regions: 'us-east-1' }));
    two = routingOf(variants.multiRegion as Synthesized);
  });

  it('replaces the plain alias by the routed records inside the one record group, so nothing conflicts', () => {
    // The same resource: CloudFormation updates it with one change batch, deleting the plain
    // alias and creating the latency records at once (Route 53 refuses a plain and a routed
    // record of one name side by side, which separate resources would make for a moment).
    expect(two.groupId).toBe(one.groupId);
    expect(one.records.map((record) => record.SetIdentifier)).toEqual([undefined]);
    expect(two.records.map((record) => record.SetIdentifier)).toEqual([
      'api-latency-us-east-1',
      'api-latency-eu-west-1',
    ]);
    expect(new Set(two.records.map((record) => `${record.Name} ${record.Type}`))).toEqual(
      new Set(['api.todolist.com A']),
    );
  });

  it("replaces nothing in the first region's stack: the table gains a replica, monitoring a replication alarm", () => {
    const before = synthesize({ ...VARIANTS.multiRegion, regions: 'us-east-1' });
    const after = variants.multiRegion as Synthesized;
    const resources = (of: Template) => Object.keys(of.toJSON().Resources);
    const first = resources(before.template(before.primary));
    const grown = resources(after.template(after.primary));
    expect(first.filter((id) => !grown.includes(id))).toEqual([]);
    expect(grown.filter((id) => !first.includes(id))).toEqual([
      expect.stringMatching(/^MonitoringReplicationLatency/),
    ]);
  });

  it('writes a revision of what it reads from the regions into the records and checks, so a replaced API is read again', () => {
    expect(two.group.Comment).toMatch(/^todolist: api\.todolist\.com \(revision [0-9a-f]{16}\)$/);
    const staging = routingOf(synthesize({ ...VARIANTS.multiRegion, stage: 'staging' }));
    expect(staging.group.Comment).not.toBe(two.group.Comment);
    const again = routingOf(synthesize(VARIANTS.multiRegion));
    expect(again.group.Comment).toBe(two.group.Comment);
    for (const check of Object.values(two.checks)) {
      expect(check.Properties.HealthCheckTags).toEqual(
        expect.arrayContaining([{ Key: 'revision', Value: two.group.Comment.match(/revision (\w+)/)?.[1] }]),
      );
    }
  });
});
