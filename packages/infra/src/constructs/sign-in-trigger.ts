import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { HandlerFunction } from './handler-function.js';
import type { TableAction } from './route-permissions.js';

/**
 * The table actions of the sign-in trigger (MemberStore.recordSignIn in packages/handlers): the
 * person's profile and their address's account item put (PutItem), the invitations waiting for
 * the address read (Query of its partition), and each one accepted: the owner's invitation row
 * read (GetItem), the member item and the person's reference put (PutItem), the invitation and
 * its address's copy deleted (DeleteItem). test/permissions-in-use.test.ts holds it to the calls.
 */
export const SIGN_IN_TABLE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:DeleteItem',
] as const satisfies readonly TableAction[];

/** Options of {@link SignInTrigger}. */
export interface SignInTriggerProps {
  /** The user pool whose sign-ins and token refreshes run the trigger. */
  readonly userPool: cognito.UserPool;
  /** The folder holding the trigger's bundle (`signIn`), `index.mjs`. */
  readonly bundleDir: string;
  readonly table: dynamodb.ITableV2;
  /** The functions' Powertools service. @default 'todolist' */
  readonly serviceName?: string;
}

/**
 * Cognito's pre-token-generation trigger (version 1: it runs at every sign-in and every token
 * refresh, and changes no claim). Access tokens carry no e-mail address, so this is where the
 * API learns it: the handler records the person's verified address (`USER#<sub>/PROFILE`, and
 * `EMAIL#<address>/ACCOUNT` for shares to it) and turns invitations to it into memberships.
 */
export class SignInTrigger extends HandlerFunction {
  constructor(scope: Construct, id: string, props: SignInTriggerProps) {
    super(scope, id, {
      description: 'todolist sign-in: records the verified address and accepts invitations to it',
      roleDescription: 'Runs the todolist sign-in trigger (Cognito pre token generation)',
      bundleDir: props.bundleDir,
      table: props.table,
      tableActions: SIGN_IN_TABLE_ACTIONS,
      // Cognito waits 5 seconds for a trigger, then fails the sign-in: never run longer.
      timeout: Duration.seconds(5),
      ...(props.serviceName ? { serviceName: props.serviceName } : {}),
    });
    // Also allows cognito-idp.amazonaws.com to invoke the function, for this pool only.
    props.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION, this.function);
  }
}
