import {
  CORS_ALLOWED_HEADERS,
  CORS_MAX_AGE_SECONDS,
  type RouteDefinition,
  type RouteName,
  requiredScope,
  routes,
} from '@todolist/sdk/contract';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { BuildOutputs } from '../build-outputs.js';
import { accessLogFormat } from './access-log.js';
import { bodyModel, requestParameters } from './api-models.js';
import type { CursorSigningKey } from './cursor-signing-key.js';
import { executionLogGroup } from './execution-logs.js';
import { addProblemResponses } from './gateway-responses.js';
import { RouteFunction } from './route-function.js';
import { ROUTE_INDEXES, ROUTE_TABLE_ACTIONS, ROUTES_WITH_CURSORS } from './route-permissions.js';

/** The stage, and so the first segment of every path: the routes' `/v1` prefix. */
export const API_STAGE = 'v1';

/** Options of {@link TodoApi}. */
export interface TodoApiProps {
  readonly table: dynamodb.ITableV2;
  readonly cursorSigningKey: CursorSigningKey;
  readonly build: Pick<BuildOutputs, 'lambdaBundle'>;
  /** The page's origin: the one origin CORS allows, besides {@link localOrigins}. */
  readonly siteOrigin: string;
  /** @default none */
  readonly localOrigins?: readonly string[];
  /** The user pool whose access tokens every signed-in method (todos, lists) requires. */
  readonly userPool: cognito.IUserPool;
  /** The functions' machine owners (see {@link RouteFunctionProps.machineOwners}). @default none */
  readonly machineOwners?: Readonly<Record<string, string>>;
  /** Steady requests per second for the stage. @default 100 */
  readonly rateLimit?: number;
  /** Requests the stage takes at once. @default 200 */
  readonly burstLimit?: number;
  /** @default 'todolist' */
  readonly restApiName?: string;
  /** The functions' Powertools service name (see {@link RouteFunctionProps.serviceName}). @default 'todolist' */
  readonly serviceName?: string;
  /**
   * A WAF web ACL is associated with the stage (see `ApiWebAcl`), which meets cdk-nag's APIG3.
   * @default false: APIG3 is acknowledged
   */
  readonly webAclAssociated?: boolean;
}

/** A route's path under the stage: `/v1/todos/{id}` is `/todos/{id}` of stage `v1`. */
export function resourcePath(route: RouteDefinition): string {
  const prefix = `/${API_STAGE}/`;
  if (!route.path.startsWith(prefix))
    throw new Error(`route ${route.name}: ${route.path} is not under ${prefix}`);
  return route.path.slice(prefix.length - 1);
}

/**
 * The REST API of the route table: one function per route, request models and validators from
 * the contract, CORS for the site, stage `v1` with throttling, JSON access logs, execution logs
 * on errors (both with a retention) and tracing.
 */
export class TodoApi extends Construct {
  readonly api: apigateway.RestApi;
  readonly functions: Readonly<Record<RouteName, RouteFunction>>;
  /** The API's default endpoint, `https://<id>.execute-api.<region>.<suffix>`: routes are under `/v1` there. */
  readonly defaultEndpoint: string;

  constructor(scope: Construct, id: string, props: TodoApiProps) {
    super(scope, id);
    const origins = [props.siteOrigin, ...(props.localOrigins ?? [])];
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const importPath = `${resourcePath(routes.importTodos)}/${routes.importTodos.method}`;
    this.api = new apigateway.RestApi(this, 'Api', {
      restApiName: props.restApiName ?? 'todolist',
      description: 'The todolist API, version 1: one Lambda function per route of the contract',
      endpointConfiguration: { types: [apigateway.EndpointType.REGIONAL] },
      cloudWatchRole: true,
      deployOptions: {
        stageName: API_STAGE,
        tracingEnabled: true,
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: props.rateLimit ?? 100,
        throttlingBurstLimit: props.burstLimit ?? 200,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: accessLogFormat(),
        // A bulk import writes up to 100 todos: it gets a tenth of the stage's rate.
        methodOptions: { [importPath]: { throttlingRateLimit: 10, throttlingBurstLimit: 20 } },
      },
    });
    this.defaultEndpoint = `https://${this.api.restApiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
    // No usage plan: no method takes an API key, so a plan would limit no one. Each person's own
    // limit is the web ACL's (ApiWebAcl); the stage's limits above guard the whole API.
    executionLogGroup(this.api, API_STAGE);
    const validator = this.api.addRequestValidator('Validator', {
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // With authorization scopes on a method, API Gateway takes access tokens and checks their scopes.
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      authorizerName: 'todolist-users',
      cognitoUserPools: [props.userPool],
      // No cache: a token is then refused the moment it expires, so a revoked session ends at
      // its access token's expiry exactly (see the README's revocation section).
      resultsCacheTtl: Duration.seconds(0),
    });
    this.functions = this.#addRoutes(props, origins, validator, authorizer);
    addProblemResponses(this.api, origins);
    this.#acknowledge(props.webAclAssociated ?? false);
  }

  #addRoutes(
    props: TodoApiProps,
    origins: string[],
    validator: apigateway.IRequestValidator,
    authorizer: apigateway.IAuthorizer,
  ) {
    const functions = {} as Record<RouteName, RouteFunction>;
    const methodsByPath = new Map<string, string[]>();
    for (const route of Object.values(routes) as RouteDefinition[]) {
      const name = route.name as RouteName;
      const fn = new RouteFunction(this, name, {
        routeName: name,
        bundleDir: props.build.lambdaBundle(name),
        table: props.table,
        tableActions: ROUTE_TABLE_ACTIONS[name],
        queriedIndexes: ROUTE_INDEXES[name],
        ...(ROUTES_WITH_CURSORS.has(name) ? { cursorSigningKey: props.cursorSigningKey } : {}),
        allowedOrigins: origins,
        ...(props.machineOwners ? { machineOwners: props.machineOwners } : {}),
        ...(props.serviceName ? { serviceName: props.serviceName } : {}),
      });
      functions[name] = fn;
      const path = resourcePath(route);
      const model = bodyModel(this.api, route);
      const scope = requiredScope(route);
      this.api.root
        .resourceForPath(path)
        .addMethod(
          route.method,
          new apigateway.LambdaIntegration(fn.function, { proxy: true, allowTestInvoke: false }),
          {
            operationName: name,
            requestValidator: validator,
            requestParameters: requestParameters(route),
            ...(model ? { requestModels: { 'application/json': model } } : {}),
            ...(scope
              ? {
                  authorizer,
                  authorizationType: apigateway.AuthorizationType.COGNITO,
                  authorizationScopes: [scope],
                }
              : {}),
          },
        );
      methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), route.method]);
    }
    for (const [path, methods] of methodsByPath) {
      this.api.root.resourceForPath(path).addCorsPreflight({
        allowOrigins: origins,
        allowMethods: methods,
        allowHeaders: CORS_ALLOWED_HEADERS,
        maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
      });
    }
    return functions;
  }

  #acknowledge(webAclAssociated: boolean): void {
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "The role API Gateway itself assumes, once per account and region, to write execution logs: AWS's managed policy is the one its documentation prescribes, and only apigateway.amazonaws.com can assume it.",
    });
    if (!webAclAssociated) {
      Validations.of(this.api).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG3',
        reason:
          'No WAF web ACL unless -c waf=true (about $7 a month per region plus $0.60 per million requests): the stage throttles (100 rps, burst 200; imports 10 rps) and every input is validated by the models and again by the handlers. Every todo method also needs the token of a signed-in user. With waf=true each person gets a rate limit of their own.',
      });
    }
    // APIG4 and COG4 are met by the authorizer on every todo method; the two kinds of method
    // without it are public on purpose.
    // Named exactly, so a new public route gets cdk-nag's finding rather than this reason.
    const publicRoutes = [routes.openapi, routes.health];
    const publicMethods = this.api.methods.filter(
      (m) =>
        m.httpMethod === 'OPTIONS' ||
        publicRoutes.some(
          (route) => m.resource.path === resourcePath(route) && m.httpMethod === route.method,
        ),
    );
    for (const method of publicMethods) {
      Validations.of(method).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG4',
        reason:
          "Public by design: CORS preflights (OPTIONS) carry no credentials by the Fetch standard, GET /v1/openapi.json describes the API to anyone, and GET /v1/health is what Route 53's health checkers call, which send no token; none reads or writes a person's todos.",
      });
      Validations.of(method).acknowledge({
        id: 'AwsSolutions::AwsSolutions-COG4',
        reason:
          'As AwsSolutions-APIG4: a CORS preflight, the public OpenAPI document or the health check, which no sign-in could guard (neither a browser preflight nor a health checker sends a token).',
      });
    }
  }
}
