import { readFileSync } from 'node:fs';
import { LIVE_STREAM_FILTERS } from '@todolist/handlers';
import type { LiveName } from '@todolist/handlers/bundles';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_TABLE_ACTIONS } from '../src/constructs/live-permissions.js';
import type { ApiStack } from '../src/stacks/api-stack.js';
import type { RoutingStack } from '../src/stacks/routing-stack.js';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

// Live pushes on AWS (src/constructs/todo-live.ts, live-stream.ts, live-domain.ts): the
// WebSocket API, its functions and their exact permissions, the table's stream and its mapping,
// the alarms, and the URLs the page and the stack's outputs give.

let defaults: Synthesized;
let stack: ApiStack;
let template: Template;
let multi: Synthesized;
let replica: ApiStack;

beforeAll(() => {
  defaults = synthesize(VARIANTS.defaultEndpoints);
  stack = defaults.primary;
  template = defaults.template(stack);
  multi = synthesize(VARIANTS.multiRegion);
  replica = multi.stack<ApiStack>('Todolist-eu-west-1');
});

const idOf = (of: Stack, construct: { node: { defaultChild?: unknown } }) =>
  of.getLogicalId(construct.node.defaultChild as CfnElement);
const LIVE_NAMES = Object.keys(LIVE_TABLE_ACTIONS) as LiveName[];

type Statement = { Action: string | string[]; Resource: unknown };
function statementsOf(of: ApiStack, name: LiveName): Statement[] {
  const roleId = idOf(of, of.live.functions[name].role);
  const policies = (of === stack ? template : multi.template(of)).findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}
const actionsOf = (statement: Statement) => [statement.Action].flat();
/** Every `<action> <resource>` a function's role allows, the resource as the template writes it. */
function grantsOf(of: ApiStack, name: LiveName): string[] {
  return statementsOf(of, name).flatMap((statement) =>
    actionsOf(statement).flatMap((action) =>
      [statement.Resource].flat().map((resource) => `${action} ${JSON.stringify(resource)}`),
    ),
  );
}

describe("the table's stream", () => {
  it('carries new and old images, on the single-region table and on the global table', () => {
    for (const of of [template, multi.template(multi.primary)])
      of.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      });
  });

  it("is read by the pusher's mapping: batches of 100, bisected on error, 5 retries, 10 minutes at most, item failures reported, filtered", () => {
    const pusherId = idOf(stack, stack.live.functions.livePusher.function);
    const tableId = idOf(stack, stack.data?.resource as never);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: pusherId },
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: LIVE_STREAM_FILTERS.map((pattern) => ({ Pattern: JSON.stringify(pattern) })),
      },
    });
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  it('the table is still created after every other resource of its stack, but the mapping, which comes after it', () => {
    const resources = template.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>;
    const tableId = idOf(stack, stack.data?.resource as never);
    const [mappingId] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'));
    const dependsOn = new Set(resources[tableId]?.DependsOn);
    expect(dependsOn.has(mappingId as string)).toBe(false);
    const others = Object.keys(resources).filter((id) => id !== tableId && id !== mappingId);
    expect(others.filter((id) => !dependsOn.has(id))).toEqual([]);
  });

  it("in another region, is that region's replica's stream, read at deployment", () => {
    const of = multi.template(replica);
    of.hasResourceProperties('Custom::TodolistReplicaStream', {
      Create: Match.stringLikeRegexp('"action":"describeTable".*"TableName":"prod-todolist"'),
    });
    of.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ReplicaStream'), 'Table.LatestStreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('the WebSocket API', () => {
  it('routes $connect through the token authorizer to its function, $disconnect to its own, and $default to a mock', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: 'prod-todolist-live',
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
    const [authorizerId] = Object.keys(
      template.findResources('AWS::ApiGatewayV2::Authorizer', {
        Properties: { AuthorizerType: 'REQUEST', IdentitySource: ['route.request.querystring.token'] },
      }),
    );
    expect(authorizerId).toBeDefined();
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties,
    );
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(['$connect', '$default', '$disconnect']);
    expect(routes.find((route) => route.RouteKey === '$connect')).toMatchObject({
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: authorizerId },
    });
    for (const key of ['$disconnect', '$default'])
      expect(routes.find((route) => route.RouteKey === key)?.AuthorizationType ?? 'NONE').toBe('NONE');
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')).map(
      (integration) => integration.Properties,
    );
    expect(integrations.map((integration) => integration.IntegrationType).sort()).toEqual([
      'AWS_PROXY',
      'AWS_PROXY',
      'MOCK',
    ]);
    // Pings get no route response: nothing answers them.
    template.resourceCountIs('AWS::ApiGatewayV2::RouteResponse', 0);
  });

  it('deploys stage live on its own, throttled, with JSON access logs kept three months', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: 'live',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { Format: Match.stringLikeRegexp('"connectionId":"\\$context.connectionId"') },
    });
    const accessLogGroup = idOf(stack, stack.live.node.findChild('AccessLogs') as never);
    expect(template.toJSON().Resources[accessLogGroup].Properties.RetentionInDays).toBe(90);
  });

  it('gives the authorizer the user pool’s issuer and every app client, and the pusher the stage’s management endpoint', () => {
    const environment = (name: LiveName) =>
      template.toJSON().Resources[idOf(stack, stack.live.functions[name].function)].Properties.Environment
        .Variables;
    const authorizer = environment('liveAuthorizer');
    expect(JSON.stringify(authorizer.TOKEN_ISSUER)).toMatch(/^\{"Fn::Join":\["",\["https:\/\/cognito-idp\."/);
    expect(JSON.stringify(authorizer.TOKEN_CLIENT_IDS)).toMatch(/WebClient.*","?.*CliClient/);
    expect(JSON.stringify(environment('livePusher').LIVE_CALLBACK_URL)).toMatch(/execute-api.*\/live"/);
    expect(environment('liveConnect').TOKEN_ISSUER).toBeUndefined();
  });
});

describe("the live functions' roles", () => {
  it.each(LIVE_NAMES)('%s may take exactly its table actions, on this table alone', (name) => {
    const tableActions = grantsOf(stack, name).filter(
      (grant) => grant.startsWith('dynamodb:') && !grant.includes('/stream/'),
    );
    expect(tableActions.map((grant) => grant.split(' ')[0]).sort()).toEqual(
      [...LIVE_TABLE_ACTIONS[name]].sort(),
    );
    for (const grant of tableActions) expect(grant).toMatch(/:table\/prod-todolist"\]\]\}$/);
  });

  it.each(LIVE_NAMES)('%s writes its own logs and names nothing by "*" but X-Ray', (name) => {
    const statements = statementsOf(stack, name);
    const wildcards = statements.filter((statement) => JSON.stringify(statement.Resource) === '"*"');
    expect(wildcards.flatMap(actionsOf).sort()).toEqual([
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    expect(statements.flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['logs:CreateLogStream', 'logs:PutLogEvents']),
    );
  });

  it('only the pusher may post to connections (POST on this stage) and read the streams of this table', () => {
    const apiId = idOf(stack, stack.live.api as never);
    const beyondTable = (name: LiveName) =>
      grantsOf(stack, name).filter(
        (grant) =>
          !/^(logs|xray):/.test(grant) && !(grant.startsWith('dynamodb:') && !grant.includes('/stream/')),
      );
    for (const name of LIVE_NAMES.filter((other) => other !== 'livePusher'))
      expect(beyondTable(name)).toEqual([]);
    const pusher = beyondTable('livePusher');
    expect(pusher.map((grant) => grant.split(' ')[0]).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'execute-api:ManageConnections',
    ]);
    const post = pusher.find((grant) => grant.startsWith('execute-api:')) as string;
    expect(post).toContain(`{"Ref":"${apiId}"}`);
    expect(post).toContain('/live/POST/@connections/*');
    for (const grant of pusher.filter((other) => other.includes('/stream/')))
      expect(grant).toMatch(/:table\/prod-todolist\/stream\/\*"\]\]\}$/);
  });
});

describe('the live alarms', () => {
  const alarmNamed = (of: Template, name: string) =>
    Object.values(of.findResources('AWS::CloudWatch::Alarm')).find(
      (alarm) => alarm.Properties.AlarmName === name,
    )?.Properties;

  it("watch the pusher's failures, its lag behind the stream (60 s) and the connection functions, reaching the topic", () => {
    const topic = { Ref: Match.stringLikeRegexp('^MonitoringAlarmsTopic') };
    for (const name of ['LivePusherErrors', 'LiveStreamIteratorAge', 'LiveConnectionErrors'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `prod-todolist-${name}`,
        AlarmActions: [topic],
        OKActions: [topic],
      });
    const age = alarmNamed(template, 'prod-todolist-LiveStreamIteratorAge');
    expect(age).toMatchObject({ Threshold: 60_000, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(JSON.stringify(age)).toMatch(/"MetricName":"IteratorAge".*"Stat":"Maximum"/);
    expect(JSON.stringify(alarmNamed(template, 'prod-todolist-LivePusherErrors'))).toMatch(
      /Errors.*Throttles/,
    );
  });

  it('are on the dashboard with the pokes the pusher records', () => {
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const text of ['LivePokes', 'LiveGoneConnections', 'IteratorAge', 'ConnectCount', 'MessageCount'])
      expect(body).toContain(text);
  });
});

describe('where clients connect', () => {
  it("without a domain: the stage's own wss:// URL, as the LiveUrl output and the page's config.json liveUrl", () => {
    expect(JSON.stringify(template.toJSON().Outputs.LiveUrl.Value)).toMatch(
      /"wss:\/\/",\{"Ref":"LiveApi\w+"\},".execute-api."/,
    );
    const [config] = defaults.stagedFiles('config.json');
    expect(JSON.parse(readFileSync(config as string, 'utf8')).liveUrl).toMatch(/^wss:\/\/.*\/live$/);
  });

  it('with a domain: wss://live.<domain>, a regional custom domain in each region, routed as api.<domain> is', () => {
    const of = multi.template(multi.primary);
    expect(of.toJSON().Outputs.LiveUrl.Value).toBe('wss://live.todolist.com');
    for (const region of [multi.primary, replica]) {
      const regional = multi.template(region);
      regional.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
        DomainName: 'live.todolist.com',
        DomainNameConfigurations: [Match.objectLike({ EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' })],
      });
      regional.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    }
    const routing = multi.template(multi.stack<RoutingStack>('Todolist-Routing'));
    const groups = Object.values(routing.findResources('AWS::Route53::RecordSetGroup')).map(
      (group) =>
        group.Properties.RecordSets as { Name: string; SetIdentifier: string; HealthCheckId: unknown }[],
    );
    const api = groups.find((records) => records[0]?.Name === 'api.todolist.com');
    const live = groups.find((records) => records[0]?.Name === 'live.todolist.com');
    expect(live?.map((record) => [record.SetIdentifier, record.HealthCheckId])).toEqual(
      api?.map((record) => [record.SetIdentifier, record.HealthCheckId]),
    );
    const [siteConfig] = multi.stagedFiles('config.json');
    expect(JSON.parse(readFileSync(siteConfig as string, 'utf8')).liveUrl).toBe('wss://live.todolist.com');
  });

  it("lets the page's CSP connect to the live origin", () => {
    const [policy] = Object.values(
      multi
        .template(multi.stack<Stack>('Todolist-Site'))
        .findResources('AWS::CloudFront::ResponseHeadersPolicy'),
    );
    expect(JSON.stringify(policy)).toMatch(/connect-src[^;]*wss:\/\/live\.todolist\.com/);
  });
});
