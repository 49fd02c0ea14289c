import type { AccessTokenIssuer } from '@todolist/handlers';
import type { LiveName } from '@todolist/handlers/bundles';
import { LIVE_TOKEN_PARAMETER } from '@todolist/sdk/contract';
import { type CfnElement, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  WebSocketLambdaIntegration,
  WebSocketMockIntegration,
} from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, type IDependable } from 'constructs';
import type { BuildOutputs } from '../build-outputs.js';
import { HandlerFunction } from './handler-function.js';
import { LIVE_TABLE_ACTIONS } from './live-permissions.js';

/** The WebSocket API's stage: its URL is `wss://<id>.execute-api.<region>.<suffix>/live`. */
export const LIVE_STAGE = 'live';

/** Where the $connect authorizer reads the access token: the contract's query parameter. */
const TOKEN_SOURCE = `route.request.querystring.${LIVE_TOKEN_PARAMETER}`;

/** Options of {@link TodoLive}. */
export interface TodoLiveProps {
  readonly table: dynamodb.ITableV2;
  readonly build: Pick<BuildOutputs, 'lambdaBundle'>;
  /** The user pool's issuer and app clients: whose access tokens open a connection. */
  readonly accessTokens: AccessTokenIssuer;
  /** Machine client id → the owner its tokens act for (as the REST functions'). @default none */
  readonly machineOwners?: Readonly<Record<string, string>>;
  /** @default 'todolist-live' */
  readonly apiName?: string;
  /** The functions' Powertools service. @default 'todolist' */
  readonly serviceName?: string;
  /** Connection requests and messages per second for the stage. @default 100 */
  readonly rateLimit?: number;
  /** @default 200 */
  readonly burstLimit?: number;
  /** What the stage must come after: API Gateway's account settings (its CloudWatch role), for its logs. @default none */
  readonly after?: readonly IDependable[];
}

/**
 * Live pushes' WebSocket API in one region: `$connect` behind a Lambda authorizer that checks
 * `?token=` as the REST API's Cognito authorizer checks a bearer token, then a function that
 * records the connection; `$disconnect`, a function that forgets it; `$default` (the clients'
 * pings), a mock integration that answers nothing. Stage `live` with throttling and JSON
 * access logs. The pusher function is made here; its stream mapping is {@link LiveStream}.
 */
export class TodoLive extends Construct {
  readonly api: apigatewayv2.WebSocketApi;
  readonly stage: apigatewayv2.WebSocketStage;
  readonly functions: Readonly<Record<LiveName, HandlerFunction>>;
  /** `wss://<id>.execute-api.<region>.<suffix>/live`: where clients connect without a domain. */
  readonly url: string;
  /** `wss://<id>.execute-api.<region>.<suffix>`, for the page's CSP. */
  readonly origin: string;
  readonly #tableName: string;

  constructor(scope: Construct, id: string, props: TodoLiveProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.#tableName = props.table.tableName;
    const fn = (
      name: LiveName,
      description: string,
      extra: Partial<ConstructorParameters<typeof HandlerFunction>[2]> = {},
    ) =>
      new HandlerFunction(this, name, {
        description: `todolist live: ${description}`,
        roleDescription: `Runs the todolist ${name} function`,
        bundleDir: props.build.lambdaBundle(name),
        table: props.table,
        tableActions: LIVE_TABLE_ACTIONS[name],
        ...(props.serviceName ? { serviceName: props.serviceName } : {}),
        ...extra,
      });
    const machineOwners = props.machineOwners ? { machineOwners: props.machineOwners } : {};
    const functions = {
      liveAuthorizer: fn('liveAuthorizer', "checks a connection's access token on $connect", {
        settings: { accessTokens: props.accessTokens, ...machineOwners },
      }),
      liveConnect: fn('liveConnect', 'records a connection ($connect)'),
      liveDisconnect: fn('liveDisconnect', 'forgets a connection ($disconnect)'),
    };
    const authorizer = new WebSocketLambdaAuthorizer('Authorizer', functions.liveAuthorizer.function, {
      authorizerName: 'todolist-live-token',
      identitySource: [TOKEN_SOURCE],
    });
    this.api = new apigatewayv2.WebSocketApi(this, 'Api', {
      apiName: props.apiName ?? 'todolist-live',
      description: 'todolist live pushes: {"type":"changed"} when something a person may see changed',
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('Connect', functions.liveConnect.function),
        authorizer,
      },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration('Disconnect', functions.liveDisconnect.function),
      },
      // {"action":"ping"} and anything else a client sends: accepted, never answered.
      defaultRouteOptions: {
        integration: new WebSocketMockIntegration('Ping', {
          requestTemplates: { $default: '{"statusCode": 200}' },
          templateSelectionExpression: '\\$default',
        }),
      },
    });
    this.stage = this.#stage(props);
    const pusher = fn(
      'livePusher',
      "pokes the connections of whoever may see a change (the table's stream)",
      {
        settings: { liveCallbackUrl: this.stage.callbackUrl },
        // A batch of 100 records reads a few hundred items and posts to as many connections.
        timeout: Duration.seconds(60),
      },
    );
    this.#grantPosting(pusher.role);
    this.#grantStreams(pusher.role, props.table);
    this.functions = { ...functions, livePusher: pusher };
    this.origin = `wss://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    this.url = `${this.origin}/${LIVE_STAGE}`;
    this.#acknowledge();
  }

  #stage(props: TodoLiveProps): apigatewayv2.WebSocketStage {
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new apigatewayv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: LIVE_STAGE,
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 100, burstLimit: props.burstLimit ?? 200 },
      accessLogSettings: {
        destination: new apigatewayv2.LogGroupLogDestination(accessLogs),
        format: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            ip: '$context.identity.sourceIp',
            eventType: '$context.eventType',
            routeKey: '$context.routeKey',
            connectionId: '$context.connectionId',
            principalId: '$context.authorizer.principalId',
            status: '$context.status',
            error: '$context.error.message',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integration.error',
          }),
        ),
      },
    });
    for (const dependency of props.after ?? []) stage.node.addDependency(dependency);
    return stage;
  }

  /** PostToConnection on this API's stage only (connection ids are not known in advance). */
  #grantPosting(role: iam.IRole): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['execute-api:ManageConnections'],
        resources: [
          Stack.of(this).formatArn({
            service: 'execute-api',
            resource: this.api.apiId,
            resourceName: `${LIVE_STAGE}/POST/@connections/*`,
          }),
        ],
      }),
    );
  }

  /**
   * What Lambda needs of the pusher's role to read the table's stream for it, on this table's
   * streams alone. By the table's name, not the stream's ARN: the ARN ends with a label DynamoDB
   * picks, and a reference to it would tie the role to the table, which is created last.
   */
  #grantStreams(role: iam.IRole, table: dynamodb.ITableV2): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [`${table.tableArn}/stream/*`],
      }),
    );
  }

  #acknowledge(): void {
    const stack = Stack.of(this);
    // cdk-nag names a resource as the template has it: an unknown region, account or
    // partition as its pseudo parameter, a reference as its logical id.
    const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const arnStart = `arn:${known(stack.partition, 'Partition')}:%s:${known(stack.region, 'Region')}:${known(stack.account, 'AccountId')}`;
    const apiId = stack.resolve(stack.getLogicalId(this.api.node.defaultChild as CfnElement));
    const role = this.functions.livePusher.role;
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${arnStart.replace('%s', 'execute-api')}:<${apiId}>/${LIVE_STAGE}/POST/@connections/*]`,
      reason:
        "PostToConnection names the connection in its ARN, and connection ids are API Gateway's, made as clients connect: the pusher may post to any connection of this API's live stage, by POST only (no GET, no DELETE).",
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${arnStart.replace('%s', 'dynamodb')}:table/${this.#tableName}/stream/*]`,
      reason:
        "A stream's ARN ends with a label DynamoDB picks when it makes the stream: this names every stream of this table alone (AWS's own example policy for a stream reader), the four read actions Lambda's mapping needs.",
    });
    for (const routeKey of ['$disconnect', '$default']) {
      const route = this.api.node.findChild(`${routeKey}-Route`);
      Validations.of(route).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG4',
        reason:
          'API Gateway authorizes a WebSocket connection on $connect only (an authorizer is refused on any other route); $disconnect and $default run only on a connection that $connect already authorized.',
      });
    }
  }
}
