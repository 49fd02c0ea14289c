import { readFileSync } from 'node:fs';
import {
  CLI_CALLBACK_PORTS,
  cliCallbackUrl,
  type RouteDefinition,
  routeList,
  TODO_SCOPES,
} from '@todolist/sdk/contract';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnAuthorizer } from 'aws-cdk-lib/aws-apigateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_TABLE_ACTIONS } from '../src/constructs/sign-in-trigger.js';
import { resourcePath } from '../src/constructs/todo-api.js';
import { ACCESS_TOKEN_VALIDITY } from '../src/constructs/todo-auth.js';
import type { ApiStack } from '../src/stacks/api-stack.js';
import { MACHINE_OWNER, type Synthesized, synthesize, VARIANTS } from './support/synth.js';

let defaults: Synthesized;
let template: Template;
let withDomain: Synthesized;
let domainTemplate: Template;

beforeAll(() => {
  defaults = synthesize(VARIANTS.defaultEndpoints);
  template = defaults.template(defaults.primary);
  withDomain = synthesize(VARIANTS.customDomain);
  domainTemplate = withDomain.template(withDomain.primary);
});

/** The stage's parameter publishing the user pool. */
const AUTH_PARAMETER_NAME = '/prod-todolist/auth';

/** The routes anyone may call: the OpenAPI document and the health check. */
const PUBLIC_ROUTES = ['openapi', 'health'];
const signedInRoutes = routeList.filter((route) => !PUBLIC_ROUTES.includes(route.name));
/** An app client's scope of the resource server, which CloudFormation joins to the server's identifier. */
const serverScope = (name: string) => ({
  'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('ResourceServer') }, `/${name}`]],
});
const userScopes = ['openid', 'email', 'profile', serverScope('todos.read'), serverScope('todos.write')];

/** The one method of a route, found by its operation name. */
function methodOf(of: Template, route: RouteDefinition) {
  const methods = Object.values(
    of.findResources('AWS::ApiGateway::Method', {
      Properties: { HttpMethod: route.method, OperationName: route.name },
    }),
  );
  expect(methods, `${route.method} ${route.path}`).toHaveLength(1);
  return methods[0]?.Properties;
}

function authorizerIdOf(stack: ApiStack): string {
  const authorizer = stack.api.node.findAll().find((node) => node.node.id === 'Authorizer');
  return stack.getLogicalId(
    (authorizer as unknown as { node: { defaultChild: CfnAuthorizer } }).node.defaultChild,
  );
}

describe('the API with sign-in', () => {
  it('covers every route of todos, of lists, of saved filters and of the changes feed, by the route table', () => {
    expect(signedInRoutes.map((route) => route.name).sort()).toEqual(
      [
        'createTodo',
        'deleteTodo',
        'getTodo',
        'importTodos',
        'listTodos',
        'quickAddTodo',
        'updateTodo',
        'listLists',
        'createList',
        'getList',
        'updateList',
        'deleteList',
        'listMembers',
        'addMember',
        'removeMember',
        'listFilters',
        'createFilter',
        'getFilter',
        'updateFilter',
        'deleteFilter',
        'listChanges',
      ].sort(),
    );
  });

  it("puts the user pool's authorizer on every todo, list and saved filter method, reads needing todos.read and writes todos.write", () => {
    const authorizerId = authorizerIdOf(defaults.primary);
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^AuthPoolUserPool'), 'Arn'] }],
      // No cache: an access token is refused the moment it expires, so revocation has an exact bound.
      AuthorizerResultTtlInSeconds: 0,
    });
    for (const route of signedInRoutes) {
      expect(methodOf(template, route), `${route.method} ${route.path}`).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: { Ref: authorizerId },
        AuthorizationScopes: [route.method === 'GET' ? TODO_SCOPES.read : TODO_SCOPES.write],
      });
    }
  });

  it('leaves GET /v1/openapi.json, GET /v1/health and every CORS preflight public', () => {
    for (const route of routeList.filter((one) => PUBLIC_ROUTES.includes(one.name))) {
      expect(methodOf(template, route).AuthorizationType, route.name).toBe('NONE');
    }
    const preflights = Object.values(
      template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }),
    );
    expect(preflights.length).toBe(new Set(routeList.map(resourcePath)).size);
    for (const preflight of preflights) {
      expect(preflight.Properties.AuthorizationType).toBe('NONE');
      expect(preflight.Properties.AuthorizerId).toBeUndefined();
    }
  });

  it("answers the authorizer's refusals as problem+json with a Bearer challenge", () => {
    for (const type of ['UNAUTHORIZED', 'EXPIRED_TOKEN', 'ACCESS_DENIED']) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        StatusCode: '401',
        ResponseParameters: Match.objectLike({
          'gatewayresponse.header.Content-Type': "'application/problem+json'",
          'gatewayresponse.header.WWW-Authenticate': Match.stringLikeRegexp("^'Bearer"),
        }),
        ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"code":"unauthorized"') },
      });
    }
  });
});

describe('the user pool', () => {
  it('signs in by e-mail, verified, case-insensitive, with a strong password policy, kept and protected', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'prod-todolist',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      UserPoolTier: 'ESSENTIALS',
    });
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('has a managed login domain and the todolist resource server with its two scopes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', ['prod-todolist-', { Ref: 'AWS::AccountId' }]] },
      ManagedLoginVersion: 2,
    });
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 2);
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'todolist',
      Scopes: [
        { ScopeName: 'todos.read', ScopeDescription: Match.anyValue() },
        { ScopeName: 'todos.write', ScopeDescription: Match.anyValue() },
      ],
    });
  });
});

describe('the app clients', () => {
  it('give people access tokens of 5 to 15 minutes', () => {
    expect(ACCESS_TOKEN_VALIDITY.toMinutes()).toBeGreaterThanOrEqual(5);
    expect(ACCESS_TOKEN_VALIDITY.toMinutes()).toBeLessThanOrEqual(15);
  });

  const tokenSettings = {
    GenerateSecret: false,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: userScopes,
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    // Short, so a revoked session's last access token ends soon; the clients refresh silently.
    AccessTokenValidity: 10,
    IdTokenValidity: 10,
    RefreshTokenValidity: 43200,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
  };

  it("gives the page a public code + PKCE client redirecting to the page's origin (and local origins)", () => {
    domainTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'todolist page',
      ...tokenSettings,
      CallbackURLs: ['https://app.todolist.com/', 'http://localhost:3000/'],
      LogoutURLs: ['https://app.todolist.com/', 'http://localhost:3000/'],
    });
    // Without a domain: the CloudFront origin of the same stack, and no local origin.
    const distributionId = defaults.primary.getLogicalId(
      defaults.primary.site?.distribution.node.defaultChild as never,
    );
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'todolist page',
      ...tokenSettings,
      CallbackURLs: [
        { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] },
      ],
    });
  });

  it('gives the CLI a public code + PKCE client with loopback redirects', () => {
    const loopback = CLI_CALLBACK_PORTS.map(cliCallbackUrl);
    expect(loopback[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'todolist CLI',
      ...tokenSettings,
      CallbackURLs: loopback,
    });
  });

  it('has no machine client without machineOwner', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.Environment?.Variables?.MACHINE_OWNERS).toBeUndefined();
    }
  });

  it('with machineOwner: a client-credentials client with a secret and only the todos scopes, mapped in MACHINE_OWNERS', () => {
    domainTemplate.resourceCountIs('AWS::Cognito::UserPoolClient', 3);
    domainTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: `todolist machine (${MACHINE_OWNER})`,
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [serverScope('todos.read'), serverScope('todos.write')],
      CallbackURLs: Match.absent(),
    });
    const stack = withDomain.primary;
    const clientId = stack.getLogicalId(stack.auth?.machineClient?.node.defaultChild as never);
    for (const name of Object.keys(stack.api.functions) as (keyof typeof stack.api.functions)[]) {
      domainTemplate.hasResourceProperties('AWS::Lambda::Function', {
        Description: `todolist API: ${name}`,
        Environment: {
          Variables: Match.objectLike({
            MACHINE_OWNERS: { 'Fn::Join': ['', ['{"', { Ref: clientId }, `":"${MACHINE_OWNER}"}`]] },
          }),
        },
      });
    }
  });

  it('outputs the pool, the managed login URL, the issuer and the client ids', () => {
    const outputs = Object.keys(domainTemplate.toJSON().Outputs ?? {});
    for (const name of [
      'UserPoolId',
      'AuthUrl',
      'AuthIssuer',
      'WebClientId',
      'CliClientId',
      'MachineClientId',
    ]) {
      expect(outputs).toContain(name);
    }
  });
});

describe('the sign-in trigger', () => {
  const logicalIdIn = (stack: ApiStack, construct: { node: { defaultChild?: unknown } } | undefined) =>
    stack.getLogicalId(construct?.node.defaultChild as never);

  it("runs at every sign-in and token refresh: the pool's pre-token-generation (V1_0) trigger", () => {
    const stack = defaults.primary;
    const functionId = logicalIdIn(stack, stack.signIn?.function);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGeneration: { 'Fn::GetAtt': [functionId, 'Arn'] } },
    });
    const poolId = logicalIdIn(stack, stack.auth?.userPool);
    // Cognito may invoke it for this pool only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
  });

  it("runs the handlers' signIn bundle on Node 24 with the table's settings, within Cognito's 5 seconds, logging to a group that expires", () => {
    const stack = defaults.primary;
    const fn = template.toJSON().Resources[logicalIdIn(stack, stack.signIn?.function)];
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 5,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logicalIdIn(stack, stack.signIn?.logGroup) } },
    });
    expect(fn.Properties.Environment.Variables).toEqual({
      TABLE_NAME: 'prod-todolist',
      POWERTOOLS_SERVICE_NAME: 'prod-todolist',
      POWERTOOLS_METRICS_NAMESPACE: 'todolist',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(defaults.stagedFiles('index.mjs').length).toBeGreaterThan(0);
  });

  it('may take only its table actions, on this table alone, besides its logs and X-Ray', () => {
    const stack = defaults.primary;
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: logicalIdIn(stack, stack.signIn?.role) }] },
    });
    const statements = Object.values(policies).flatMap(
      (policy) =>
        policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const actions = (statement: { Action: string | string[] }) => [statement.Action].flat();
    const table = statements.filter((statement) => actions(statement).some((a) => a.startsWith('dynamodb:')));
    expect(table).toHaveLength(1);
    expect(actions(table[0] as never).sort()).toEqual([...SIGN_IN_TABLE_ACTIONS].sort());
    expect(JSON.stringify(table[0]?.Resource)).toMatch(/:table\/prod-todolist"\]\]\}$/);
    expect(statements.flatMap(actions).sort()).toEqual(
      [
        ...SIGN_IN_TABLE_ACTIONS,
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
  });

  it("with several regions, is the one pool's, in the primary region, writing to the global table", () => {
    const multi = synthesize(VARIANTS.multiRegion);
    const primary = multi.template(multi.primary);
    const replicaStack = multi.stack<ApiStack>('Todolist-eu-west-1');
    expect(multi.primary.signIn).toBeDefined();
    expect(replicaStack.signIn).toBeUndefined();
    primary.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGeneration: Match.anyValue() },
    });
    const descriptions = (of: Template) =>
      Object.values(of.findResources('AWS::Lambda::Function')).map((fn) => String(fn.Properties.Description));
    expect(descriptions(primary).filter((text) => text.startsWith('todolist sign-in'))).toHaveLength(1);
    expect(
      descriptions(multi.template(replicaStack)).filter((text) => text.startsWith('todolist sign-in')),
    ).toEqual([]);
  });
});

describe("the page's config.json", () => {
  it('names the issuer, managed login and the web client, from the same stack without a domain', () => {
    const [config] = defaults.stagedFiles('config.json');
    const auth = JSON.parse(readFileSync(config as string, 'utf8')).auth;
    expect(Object.keys(auth ?? {}).sort()).toEqual(['clientId', 'domain', 'issuer']);
  });

  it("names them too with a domain, read in us-east-1 from the primary region's parameter after that stack deploys", () => {
    const [siteConfig] = withDomain.stagedFiles('config.json');
    const auth = JSON.parse(readFileSync(siteConfig as string, 'utf8')).auth;
    expect(Object.keys(auth ?? {}).sort()).toEqual(['clientId', 'domain', 'issuer']);
    const siteStack = withDomain.stack<Stack>('Todolist-Site');
    const primaryRegion = withDomain.primary.region;
    withDomain.template(siteStack).hasResourceProperties('Custom::TodolistPrimaryAuth', {
      Create: Match.stringLikeRegexp(`"region":"${primaryRegion}"`),
    });
    expect(siteStack.dependencies.map((stack) => stack.stackName)).toContain(withDomain.primary.stackName);
    // A custom resource runs again only when its properties change: the revision makes them.
    const revision = (of: Synthesized) =>
      JSON.stringify(
        of.template(of.stack<Stack>('Todolist-Site')).findResources('Custom::TodolistPrimaryAuth'),
      );
    const again = synthesize(VARIANTS.customDomain);
    expect(revision(again)).toBe(revision(withDomain));
    const moreOrigins = synthesize({
      ...VARIANTS.customDomain,
      localOrigins: 'http://localhost:3000,http://localhost:4000',
    });
    expect(revision(moreOrigins)).not.toBe(revision(withDomain));
    domainTemplate.hasResourceProperties('AWS::SSM::Parameter', {
      Name: AUTH_PARAMETER_NAME,
      Type: 'StringList',
    });
  });
});

describe('sign-in in several regions', () => {
  it("has one user pool, in the primary region, whose ARN the other regions' authorizers read from its parameter", () => {
    const multi = synthesize(VARIANTS.multiRegion);
    const primary = multi.template(multi.primary);
    const replicaStack = multi.stack<ApiStack>('Todolist-eu-west-1');
    const replica = multi.template(replicaStack);
    primary.resourceCountIs('AWS::Cognito::UserPool', 1);
    replica.resourceCountIs('AWS::Cognito::UserPool', 0);
    primary.hasResourceProperties('AWS::SSM::Parameter', {
      Name: AUTH_PARAMETER_NAME,
      Type: 'StringList',
    });
    const readId = Stack.of(replicaStack).getLogicalId(
      replicaStack.node
        .findChild('Auth')
        .node.findChild('Primary')
        .node.findChild('Read')
        .node.findChild('Resource').node.defaultChild as never,
    );
    replica.hasResourceProperties('Custom::TodolistPrimaryAuth', {
      Create: Match.stringLikeRegexp('"region":"us-east-1"'),
    });
    replica.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [Match.objectLike({ 'Fn::Select': Match.arrayWith([0]) })],
    });
    expect(JSON.stringify(replica.toJSON())).toContain(readId);
    for (const route of signedInRoutes) {
      expect(methodOf(replica, route).AuthorizationType).toBe('COGNITO_USER_POOLS');
    }
  });
});
