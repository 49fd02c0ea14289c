import { CORS_ALLOWED_HEADERS, type RouteName, routeList, routes } from '@todolist/sdk/contract';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestJsonSchema } from '../src/constructs/api-models.js';
import { ROUTE_TABLE_ACTIONS } from '../src/constructs/route-permissions.js';
import { resourcePath } from '../src/constructs/todo-api.js';
import type { ApiStack } from '../src/stacks/api-stack.js';
import { type Synthesized, synthesize, VARIANTS } from './support/synth.js';

const routeNames = Object.keys(routes) as RouteName[];
let synthesized: Synthesized;
let stack: ApiStack;
let template: Template;

beforeAll(() => {
  synthesized = synthesize(VARIANTS.defaultEndpoints);
  stack = synthesized.primary;
  template = synthesized.template(stack);
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnFunction);

/** The statements of the policy attached to a route function's role. */
function statementsOf(route: RouteName): { Action: string | string[]; Resource: unknown }[] {
  const roleId = logicalId(stack.api.functions[route].role);
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();

describe('the REST API', () => {
  it('serves stage v1: every route of the table has its method on its path, integrated with its own function', () => {
    for (const name of routeNames) {
      const route = routes[name];
      const functionId = logicalId(stack.api.functions[name].function);
      const methods = template.findResources('AWS::ApiGateway::Method', {
        Properties: {
          HttpMethod: route.method,
          OperationName: name,
          Integration: {
            Type: 'AWS_PROXY',
            Uri: { 'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [functionId, 'Arn'] }])] },
          },
        },
      });
      expect(Object.keys(methods), `${route.method} ${route.path}`).toHaveLength(1);
      const path = resourcePath(route);
      template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: path.split('/').at(-1) });
    }
    template.resourceCountIs('AWS::Lambda::Function', routeNames.length + 1); // + CDK's bucket deployment
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
  });

  it('checks bodies against models made from the contract and requires path parameters', () => {
    for (const route of routeList) {
      if (route.body) {
        template.hasResourceProperties('AWS::ApiGateway::Model', {
          ContentType: 'application/json',
          Schema: Match.objectLike({
            $schema: 'http://json-schema.org/draft-04/schema#',
            properties: Match.objectLike(
              Object.fromEntries(
                Object.keys(requestJsonSchema(route.body).properties ?? {}).map((key) => [
                  key,
                  Match.anyValue(),
                ]),
              ),
            ),
          }),
        });
      }
    }
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'PATCH',
      RequestParameters: { 'method.request.path.id': true, 'method.request.header.If-Match': false },
      RequestModels: { 'application/json': Match.anyValue() },
      RequestValidatorId: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });

  it('throttles the stage, logs every request as JSON, traces with X-Ray, and has a usage plan', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('^\\{"requestId":"\\$context.requestId"'),
      },
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 100,
          ThrottlingBurstLimit: 200,
        }),
        Match.objectLike({ HttpMethod: 'POST', ResourcePath: '/~1todos~1batch', ThrottlingRateLimit: 10 }),
      ]),
    });
    const format = template.findResources('AWS::ApiGateway::Stage');
    const accessLog = Object.values(format)[0]?.Properties.AccessLogSetting.Format as string;
    expect(Object.keys(JSON.parse(accessLog))).toEqual(
      expect.arrayContaining(['status', 'responseLatency', 'errorMessage']),
    );
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 100, BurstLimit: 200 },
      ApiStages: [Match.objectLike({ Stage: Match.anyValue() })],
    });
  });

  it("answers CORS preflights for the site's origin only, with the routes' headers", () => {
    const preflights = template.findResources('AWS::ApiGateway::Method', {
      Properties: { HttpMethod: 'OPTIONS' },
    });
    expect(Object.keys(preflights)).toHaveLength(new Set(routeNames.map((name) => routes[name].path)).size);
    for (const preflight of Object.values(preflights)) {
      const headers = preflight.Properties.Integration.IntegrationResponses[0].ResponseParameters;
      expect(JSON.stringify(headers['method.response.header.Access-Control-Allow-Origin'])).toContain(
        'DomainName',
      );
      expect(headers['method.response.header.Access-Control-Allow-Headers']).toBe(
        `'${CORS_ALLOWED_HEADERS.join(',')}'`,
      );
    }
  });

  it("answers its own 4XX and 5XX as problem+json with the site's CORS headers", () => {
    for (const type of [
      'DEFAULT_4XX',
      'DEFAULT_5XX',
      'THROTTLED',
      'BAD_REQUEST_BODY',
      'MISSING_AUTHENTICATION_TOKEN',
    ]) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: Match.objectLike({
          'gatewayresponse.header.Content-Type': "'application/problem+json'",
          'gatewayresponse.header.Access-Control-Allow-Origin': Match.anyValue(),
          'gatewayresponse.header.Access-Control-Expose-Headers': Match.stringLikeRegexp('x-amzn-RequestId'),
        }),
        ResponseTemplates: {
          'application/json': Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
        },
      });
    }
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'THROTTLED',
      StatusCode: '429',
      ResponseParameters: Match.objectLike({ 'gatewayresponse.header.Retry-After': "'1'" }),
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"code":"rate_limited"') },
    });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
    });
  });
});

describe('the route functions', () => {
  it('run their route bundle on Node 24, arm64, traced, with the Powertools settings, and only listTodos the key by secret ARN', () => {
    for (const name of routeNames) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: `todolist API: ${name}`,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: Match.anyValue() },
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: { Ref: Match.stringLikeRegexp('^DataTable') },
            CURSOR_SIGNING_KEY_SECRET_ARN: name === 'listTodos' ? Match.anyValue() : Match.absent(),
            POWERTOOLS_SERVICE_NAME: 'todolist',
            POWERTOOLS_METRICS_NAMESPACE: 'todolist',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            ALLOWED_ORIGINS: Match.anyValue(),
          }),
        },
      });
    }
    const variables = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Properties.Environment?.Variables ?? {},
    );
    expect(variables.filter((env) => 'CURSOR_SIGNING_KEY' in env)).toEqual([]);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it.each(routeNames)('%s may take exactly its table actions, on this table alone', (name) => {
    const statements = statementsOf(name);
    const tableStatements = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );
    const expected = ROUTE_TABLE_ACTIONS[name];
    if (expected.length === 0) {
      expect(tableStatements).toEqual([]);
      return;
    }
    expect(tableStatements).toHaveLength(1);
    expect(actionsOf(tableStatements[0] as { Action: string[] }).sort()).toEqual([...expected].sort());
    const tableId = stack.getLogicalId(
      stack.node.findChild('Data').node.findChild('Table').node.defaultChild as CfnFunction,
    );
    expect(tableStatements[0]?.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
  });

  it.each(routeNames)(
    '%s may read the cursor key secret only if it lists, writes its own log group, and nothing named by "*" but X-Ray',
    (name) => {
      const statements = statementsOf(name);
      const readsSecret = statements.filter((statement) =>
        actionsOf(statement).includes('secretsmanager:GetSecretValue'),
      );
      if (name === 'listTodos')
        expect(readsSecret).toEqual([
          expect.objectContaining({ Resource: { Ref: expect.stringMatching(/^CursorKeySecret/) } }),
        ]);
      else expect(readsSecret).toEqual([]);
      const wildcards = statements.filter((statement) => JSON.stringify(statement.Resource).includes('*'));
      expect(wildcards.flatMap(actionsOf).sort()).toEqual([
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ]);
      expect(Stack.of(stack.api.functions[name].function)).toBe(stack);
    },
  );
});
