import {
  CORS_ALLOWED_HEADERS,
  MAX_IMPORT_ITEMS,
  type RouteName,
  routeList,
  routes,
} from '@todolist/sdk/contract';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestJsonSchema } from '../src/constructs/api-models.js';
import {
  ROUTE_INDEXES,
  ROUTE_TABLE_ACTIONS,
  ROUTES_WITH_CURSORS,
} from '../src/constructs/route-permissions.js';
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

/** The prefix of every ARN a route's policy names in this region and account. */
const ARN_PREFIX = [
  'arn:',
  { Ref: 'AWS::Partition' },
  ':dynamodb:',
  { Ref: 'AWS::Region' },
  ':',
  { Ref: 'AWS::AccountId' },
];

/** `<action> <resource>` for a table ARN of this region and account, as `table/<name>[/index/<index>]`. */
function grantOf(action: string, resource: unknown): string {
  const parts = (resource as { 'Fn::Join': [string, unknown[]] })['Fn::Join']?.[1] ?? [];
  expect(parts.slice(0, -1), `${action} on ${JSON.stringify(resource)}`).toEqual(ARN_PREFIX);
  return `${action} ${String(parts.at(-1)).replace(/^:/, '')}`;
}

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
    // + the sign-in trigger, the four live functions and CDK's bucket deployment
    template.resourceCountIs('AWS::Lambda::Function', routeNames.length + 6);
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

  it('throttles the stage, logs every request as JSON, traces with X-Ray, and has no usage plan (no method takes an API key)', () => {
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
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', 0);
    template.resourceCountIs('AWS::ApiGateway::ApiKey', 0);
    for (const method of Object.values(template.findResources('AWS::ApiGateway::Method'))) {
      expect(method.Properties.ApiKeyRequired ?? false).toBe(false);
    }
  });

  it('keeps its execution logs in a group of its own with a retention, made before the stage so API Gateway writes there', () => {
    const apiId = logicalId(stack.api.api as never);
    const groups = template.findResources('AWS::Logs::LogGroup', {
      Properties: {
        LogGroupName: { 'Fn::Join': ['', ['API-Gateway-Execution-Logs_', { Ref: apiId }, '/v1']] },
      },
    });
    expect(Object.values(groups).map((group) => group.Properties.RetentionInDays)).toEqual([30]);
    const [stageId] = Object.keys(template.findResources('AWS::ApiGateway::Stage'));
    expect(template.toJSON().Resources[stageId as string].DependsOn).toEqual(
      expect.arrayContaining(Object.keys(groups)),
    );
  });

  it("traces no health check: Route 53's calls of GET /v1/health are sampled at 0, before X-Ray's default rule", () => {
    template.hasResourceProperties('AWS::XRay::SamplingRule', {
      SamplingRule: Match.objectLike({
        RuleName: 'prod-todolist-health',
        ServiceName: 'prod-todolist/v1',
        ServiceType: 'AWS::ApiGateway::Stage',
        HTTPMethod: routes.health.method,
        URLPath: '*/health',
        FixedRate: 0,
        ReservoirSize: 0,
        Priority: 100,
      }),
    });
  });

  it('does its own request transformation only where no function runs: preflights (a MOCK integration) and its error answers', () => {
    const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
    for (const method of methods) {
      const integration = method.Properties.Integration;
      if (method.Properties.HttpMethod === 'OPTIONS') {
        // The request template tells the MOCK integration which status to answer with.
        expect(integration.Type).toBe('MOCK');
        expect(integration.RequestTemplates['application/json']).toContain('statusCode');
      } else {
        // Proxy integrations pass the request as it came: the handler parses it through the contract.
        expect(integration.Type).toBe('AWS_PROXY');
        expect(integration.RequestTemplates).toBeUndefined();
        expect(integration.RequestParameters).toBeUndefined();
      }
    }
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

  it("keeps API Gateway's own status for any other 4XX rather than calling it a 401", () => {
    const [fallback] = Object.values(
      template.findResources('AWS::ApiGateway::GatewayResponse', {
        Properties: { ResponseType: 'DEFAULT_4XX' },
      }),
    );
    expect(fallback?.Properties.StatusCode).toBeUndefined();
    const body = fallback?.Properties.ResponseTemplates['application/json'] as string;
    expect(body).toContain('"type":"about:blank"');
    expect(body).not.toContain('"code"');
    expect(body).not.toContain('"status"');
  });

  it('names the one origin in its own answers, and echoes the Origin when local origins are allowed too', () => {
    const origins = (of: Template) =>
      new Set(
        Object.values(of.findResources('AWS::ApiGateway::GatewayResponse')).map((response) =>
          JSON.stringify(
            response.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin'],
          ),
        ),
      );
    // Without a domain the one origin is the distribution's, as a token.
    expect([...origins(template)]).toEqual([expect.stringContaining('DomainName')]);
    const withLocal = synthesize(VARIANTS.customDomain);
    expect([...origins(withLocal.template(withLocal.primary))]).toEqual(['"method.request.header.Origin"']);
  });
});

describe("the batch route's model", () => {
  it('checks the envelope (1 to MAX_IMPORT_ITEMS items, nothing else) but not each item, which the import reports one by one', () => {
    const schema = requestJsonSchema(routes.importTodos.body as never) as {
      properties: { items: { items?: unknown; minItems: number; maxItems: number } };
      additionalProperties: boolean;
    };
    expect(schema.properties.items).toMatchObject({ type: 'array', minItems: 1, maxItems: MAX_IMPORT_ITEMS });
    // A model refusing one bad item would answer 400 for all of them; the handler answers 200
    // with that item "rejected" and the others created.
    expect(schema.properties.items.items).toEqual({});
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('the log groups', () => {
  it("all expire, and every function (CDK's own too) logs to one of them", () => {
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    for (const variant of [
      synthesized,
      synthesize(VARIANTS.customDomain),
      synthesize(VARIANTS.multiRegion),
    ]) {
      for (const stackOf of variant.app.node.children.filter(
        (child): child is Stack => child instanceof Stack,
      )) {
        const resources = variant.template(stackOf).toJSON().Resources as Record<
          string,
          { Type: string; Properties: Record<string, never> }
        >;
        for (const [id, resource] of Object.entries(resources)) {
          if (resource.Type === 'AWS::Logs::LogGroup')
            expect(resource.Properties.RetentionInDays, id).toBeDefined();
          if (resource.Type !== 'AWS::Lambda::Function') continue;
          const group = (resource.Properties.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined)
            ?.LogGroup?.Ref;
          expect(group, `${stackOf.stackName}/${id} logs to a group of the stack`).toBeDefined();
          expect(resources[group as string]?.Properties.RetentionInDays, `${id}'s log group`).toBeDefined();
        }
      }
    }
  });
});

describe('the route functions', () => {
  it('run their route bundle on Node 24, arm64, traced, with the Powertools settings, and only the routes that sign cursors the key by secret ARN', () => {
    expect([...ROUTES_WITH_CURSORS].sort()).toEqual(['listLists', 'listTodos']);
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
            // By its fixed name: nothing waits for the table, which is created last.
            TABLE_NAME: 'prod-todolist',
            CURSOR_SIGNING_KEY_SECRET_ARN: ROUTES_WITH_CURSORS.has(name) ? Match.anyValue() : Match.absent(),
            // The stage's service: a dimension of every metric the handlers write.
            POWERTOOLS_SERVICE_NAME: 'prod-todolist',
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
  });

  it.each(routeNames)(
    '%s may take exactly its table actions, on this table alone, and Query exactly the indexes it reads',
    (name) => {
      const granted = statementsOf(name)
        .filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')))
        .flatMap((statement) => {
          const resources = [statement.Resource].flat();
          return actionsOf(statement).flatMap((action) =>
            resources.map((resource) => grantOf(action, resource)),
          );
        });
      const expected = [
        ...ROUTE_TABLE_ACTIONS[name].map((action) => `${action} table/prod-todolist`),
        ...ROUTE_INDEXES[name].map((index) => `dynamodb:Query table/prod-todolist/index/${index}`),
      ];
      expect(granted.sort()).toEqual(expected.sort());
    },
  );

  it.each(routeNames)(
    '%s may read the cursor key secret only if it lists, writes its own log group, and nothing named by "*" but X-Ray',
    (name) => {
      const statements = statementsOf(name);
      const readsSecret = statements.filter((statement) =>
        actionsOf(statement).includes('secretsmanager:GetSecretValue'),
      );
      if (ROUTES_WITH_CURSORS.has(name))
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
