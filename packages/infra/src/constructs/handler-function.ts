import { type HandlerSettings, handlerEnvironment } from '@todolist/handlers';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from './route-metrics.js';
import type { IndexName, TableAction } from './route-permissions.js';

/** Options of {@link HandlerFunction}. */
export interface HandlerFunctionProps {
  /** The function's description, as the console lists it. */
  readonly description: string;
  /** What the role is for, as IAM's console shows it. */
  readonly roleDescription: string;
  /** The folder holding the handler's bundle, `index.mjs`. */
  readonly bundleDir: string;
  readonly table: dynamodb.ITableV2;
  /** The table actions the handler takes: the function is allowed these and no others. */
  readonly tableActions: readonly TableAction[];
  /**
   * The local secondary indexes the handler queries: IAM checks a Query of an index against the
   * index's own ARN (`<table ARN>/index/<name>`), so each is allowed `dynamodb:Query` by name.
   * @default none
   */
  readonly queriedIndexes?: readonly IndexName[];
  /** The handler's settings besides the table (see `handlerEnvironment`). @default none */
  readonly settings?: Omit<HandlerSettings, 'tableName'>;
  /** @default 512 (MB): more memory is more CPU, and the handlers are CPU-bound at cold start */
  readonly memorySize?: number;
  /** @default 10 seconds */
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
 * A Lambda function running one of the handlers' prebuilt bundles, with our defaults: Node 24
 * and arm64, JSON logs in its own log group with a retention, X-Ray tracing, the Powertools
 * settings, the handlers' settings by `handlerEnvironment`, and a role allowed exactly its table
 * actions on this table (and the indexes it queries) alone.
 */
export class HandlerFunction extends Construct {
  readonly function: lambda.Function;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role rather than AWSLambdaBasicExecutionRole, whose logs:* statements name every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.roleDescription,
    });
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new lambda.Function(this, 'Function', {
      description: props.description,
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
        ...handlerEnvironment({ tableName: props.table.tableName, ...props.settings }),
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? 'todolist',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // The bundles ship their source maps: stack traces in the logs point at the TypeScript.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    this.#grantTable(props);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement CDK adds for active tracing (xray:PutTraceSegments, xray:PutTelemetryRecords): X-Ray has no resource-level permissions, so "*" is the only resource it takes. Every other statement names its log group, table, index or secret.',
    });
  }

  #grantTable(props: HandlerFunctionProps): void {
    if (props.tableActions.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: [...props.tableActions], resources: [props.table.tableArn] }),
      );
    }
    const indexes = props.queriedIndexes ?? [];
    if (indexes.length === 0) return;
    if (!props.tableActions.includes('dynamodb:Query'))
      throw new Error(`${props.description}: queries indexes without dynamodb:Query among its actions`);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: indexes.map((name) => `${props.table.tableArn}/index/${name}`),
      }),
    );
  }
}
