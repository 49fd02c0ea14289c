import { Fn, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { definitionDigest } from './definition-digest.js';
import { cdkHandlerLogGroup } from './handler-logs.js';
import type { TodoAuth } from './todo-auth.js';

// The parameter's list, in order; none of its values can hold a comma.
const AUTH_VALUES = [
  'userPoolArn',
  'machineClientId',
  'issuer',
  'signInDomain',
  'webClientId',
  'cliClientId',
] as const;

/**
 * Publishes the primary region's user pool for the other regions' stacks (see {@link PrimaryAuth})
 * in the parameter `parameterName` (the stage's `/<stage>-todolist/auth`): the user pool's ARN,
 * the machine client's id (or `none`), the page's sign-in: the tokens' issuer, managed
 * login's base URL and the web client's id, and the CLI client's id (the live authorizer takes
 * the tokens of every app client). A fixed name, as the table's and the secret's: the
 * user pool's id is only known once it is created.
 */
export function publishAuth(
  scope: Construct,
  id: string,
  auth: TodoAuth,
  parameterName: string,
): ssm.StringListParameter {
  const values: Record<(typeof AUTH_VALUES)[number], string> = {
    userPoolArn: auth.userPool.userPoolArn,
    machineClientId: auth.machineClient?.userPoolClientId ?? 'none',
    issuer: auth.issuer,
    signInDomain: auth.domain.baseUrl(),
    webClientId: auth.webClient.userPoolClientId,
    cliClientId: auth.cliClient.userPoolClientId,
  };
  return new ssm.StringListParameter(scope, id, {
    parameterName,
    description:
      "todolist: the user pool and its clients, for the other regions' APIs and the page's stack in us-east-1",
    stringListValue: AUTH_VALUES.map((name) => values[name]),
  });
}

/**
 * A digest of the user pool's, its domain's and its clients' CloudFormation definitions (see
 * {@link definitionDigest}): a reader given it reads the parameter again when one of them may
 * have been replaced, and only then (a custom resource runs again only when its properties change).
 */
export function authRevision(auth: TodoAuth): string {
  return definitionDigest([auth]);
}

/** Options of {@link PrimaryAuth}. */
export interface PrimaryAuthProps {
  /** The region whose stack holds the user pool and its parameter. */
  readonly primaryRegion: string;
  /** The parameter {@link publishAuth} wrote in the primary region. */
  readonly parameterName: string;
  /** The primary's {@link authRevision}: a new one re-reads the parameter. */
  readonly revision: string;
}

/**
 * In another region, the primary region's user pool and its clients, read at deployment from
 * its parameter (SSM parameters are regional, so by an SDK call into that region).
 * API Gateway's Cognito authorizer takes the pool by its ARN, wherever it is; the page's stack
 * in us-east-1 writes the web sign-in into its `config.json`.
 */
export class PrimaryAuth extends Construct {
  readonly userPool: cognito.IUserPool;
  /** The machine client's id, or `none`. */
  readonly machineClientId: string;
  /** The page's sign-in, for its `config.json`: the tokens' issuer, managed login and the web client. */
  readonly webSignIn: { readonly issuer: string; readonly domain: string; readonly clientId: string };
  /** The CLI client's id. */
  readonly cliClientId: string;

  constructor(scope: Construct, id: string, props: PrimaryAuthProps) {
    super(scope, id);
    const call: cr.AwsSdkCall = {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: props.parameterName },
      region: props.primaryRegion,
      // The values' names too: a parameter that gained one is read again, not split short.
      physicalResourceId: cr.PhysicalResourceId.of(
        `${props.parameterName}:${props.revision}:${AUTH_VALUES.join('.')}`,
      ),
    };
    const read = new cr.AwsCustomResource(this, 'Read', {
      resourceType: 'Custom::TodolistPrimaryAuth',
      onCreate: call,
      onUpdate: call,
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({
        resources: [
          Stack.of(this).formatArn({
            service: 'ssm',
            region: props.primaryRegion,
            resource: 'parameter',
            resourceName: props.parameterName.slice(1),
          }),
        ],
      }),
      installLatestAwsSdk: false,
      logGroup: cdkHandlerLogGroup(this, 'AwsCustomResource'),
    });
    const values = Fn.split(',', read.getResponseField('Parameter.Value'), AUTH_VALUES.length);
    const value = (name: (typeof AUTH_VALUES)[number]) => Fn.select(AUTH_VALUES.indexOf(name), values);
    this.userPool = cognito.UserPool.fromUserPoolArn(this, 'UserPool', value('userPoolArn'));
    this.machineClientId = value('machineClientId');
    this.webSignIn = {
      issuer: value('issuer'),
      domain: value('signInDomain'),
      clientId: value('webClientId'),
    };
    this.cliClientId = value('cliClientId');
    this.#acknowledge();
  }

  #acknowledge(): void {
    // The provider function is a singleton at the stack's root; the acknowledgements go there.
    const provider = Stack.of(this).node.tryFindChild(
      `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replaceAll('-', '')}`,
    );
    for (const target of [provider].filter((node): node is Construct => node !== undefined)) {
      Validations.of(target).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource provider, which reads the primary region's auth parameter once per deployment, writes its own logs with the basic execution policy.",
      });
    }
  }
}
