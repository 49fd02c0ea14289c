import { handlerEnvironment } from '@todolist/handlers';
import type { RouteName } from '@todolist/sdk/contract';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { CursorSigningKey } from './cursor-signing-key.js';
import { METRICS_NAMESPACE } from './route-metrics.js';
import type { TableAction } from './route-permissions.js';

/** Options of {@link RouteFunction}. */
export interface RouteFunctionProps {
  readonly routeName: RouteName;
  /** The folder holding the route's bundle, `index.mjs`. */
  readonly bundleDir: string;
  readonly table: dynamodb.ITableV2;
  /** The table actions the route takes: the function is allowed these and no others. */
  readonly tableActions: readonly TableAction[];
  /** The key that signs list cursors, for a route that lists. @default none: no secret, no grant */
  readonly cursorSigningKey?: CursorSigningKey;
  /** Origins a browser may call the API from (`ALLOWED_ORIGINS`). */
  readonly allowedOrigins: readonly string[];
  /**
   * Machine (client-credentials) client ids, a token's `sub`, and the owner id their tokens act
   * for. @default none: no machine client acts for anyone
   */
  readonly machineOwners?: Readonly<Record<string, string>>;
  /** @default 512 (MB): more memory is more CPU, and the handlers are CPU-bound at cold start */
  readonly memorySize?: number;
  /** @default 10 seconds, well inside API Gateway's 29-second integration timeout */
  readonly timeout?: Duration;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The service named in every log line and a dimension of every metric (Powertools' `service`):
   * the stage's, so two stages in one account keep apart.
   * @default 'todolist'
   */
  readonly serviceName?: string;
}

/**
 * One route's Lambda function with our defaults: the handlers' prebuilt bundle on Node 24 and
 * arm64, JSON logs in its own log group with a retention, X-Ray tracing, the Powertools
 * settings, and a role allowed exactly its route's table actions on this table alone.
 */
export class RouteFunction extends Construct {
  readonly function: lambda.Function;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role rather than AWSLambdaBasicExecutionRole, whose logs:* statements name every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the todolist ${props.routeName} route`,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new lambda.Function(this, 'Function', {
      description: `todolist API: ${props.routeName}`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(props.bundleDir),
      handler: 'index.handler',
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        // The handlers' own settings, named once in their package (readConfig reads them back).
        ...handlerEnvironment({
          tableName: props.table.tableName,
          ...(props.cursorSigningKey
            ? { cursorSigningKey: { secretArn: props.cursorSigningKey.secretArn } }
            : {}),
          allowedOrigins: props.allowedOrigins,
          ...(props.machineOwners ? { machineOwners: props.machineOwners } : {}),
        }),
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? 'todolist',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // The bundles ship their source maps: stack traces in the logs point at the TypeScript.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    if (props.tableActions.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: [...props.tableActions], resources: [props.table.tableArn] }),
      );
    }
    props.cursorSigningKey?.grantRead(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement CDK adds for active tracing (xray:PutTraceSegments, xray:PutTelemetryRecords): X-Ray has no resource-level permissions, so "*" is the only resource it takes. Every other statement names its log group, table or secret.',
    });
  }
}
