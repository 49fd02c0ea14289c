import type { RouteName } from '@todolist/sdk/contract';
import type { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { CursorSigningKey } from './cursor-signing-key.js';
import { HandlerFunction } from './handler-function.js';
import type { IndexName, TableAction } from './route-permissions.js';

/** Options of {@link RouteFunction}. */
export interface RouteFunctionProps {
  readonly routeName: RouteName;
  /** The folder holding the route's bundle, `index.mjs`. */
  readonly bundleDir: string;
  readonly table: dynamodb.ITableV2;
  /** The table actions the route takes: the function is allowed these and no others. */
  readonly tableActions: readonly TableAction[];
  /** The indexes the route queries (see `HandlerFunctionProps.queriedIndexes`). @default none */
  readonly queriedIndexes?: readonly IndexName[];
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
  /** The functions' Powertools service (see `HandlerFunctionProps.serviceName`). @default 'todolist' */
  readonly serviceName?: string;
}

/**
 * One route's Lambda function: the route's bundle as a {@link HandlerFunction}, allowed exactly
 * its route's table actions, and given the cursor key only when the route signs cursors.
 */
export class RouteFunction extends HandlerFunction {
  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id, {
      description: `todolist API: ${props.routeName}`,
      roleDescription: `Runs the todolist ${props.routeName} route`,
      bundleDir: props.bundleDir,
      table: props.table,
      tableActions: props.tableActions,
      ...(props.queriedIndexes ? { queriedIndexes: props.queriedIndexes } : {}),
      settings: {
        ...(props.cursorSigningKey
          ? { cursorSigningKey: { secretArn: props.cursorSigningKey.secretArn } }
          : {}),
        allowedOrigins: props.allowedOrigins,
        ...(props.machineOwners ? { machineOwners: props.machineOwners } : {}),
      },
      ...(props.memorySize ? { memorySize: props.memorySize } : {}),
      ...(props.timeout ? { timeout: props.timeout } : {}),
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      ...(props.serviceName ? { serviceName: props.serviceName } : {}),
    });
    props.cursorSigningKey?.grantRead(this.role);
  }
}
