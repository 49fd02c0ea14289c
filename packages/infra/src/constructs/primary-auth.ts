import { createHash } from 'node:crypto';
import { CfnResource, Fn, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { TodoAuth } from './todo-auth.js';

/**
 * The parameter, in the primary region, naming the user pool's ARN, the machine client's id (or
 * `none`), and the page's sign-in: the tokens' issuer, managed login's base URL and the web
 * client's id. A fixed name, as the table's and the secret's: no stack references another's
 * resources, and the user pool's id is only known once it is created.
 */
export const AUTH_PARAMETER_NAME = '/todolist/auth';

// The parameter's list, in order; none of its values can hold a comma.
const AUTH_VALUES = ['userPoolArn', 'machineClientId', 'issuer', 'signInDomain', 'webClientId'] as const;

/** Publishes the primary region's user pool for the other regions' stacks (see {@link PrimaryAuth}). */
export function publishAuth(scope: Construct, id: string, auth: TodoAuth): ssm.StringListParameter {
  const values: Record<(typeof AUTH_VALUES)[number], string> = {
    userPoolArn: auth.userPool.userPoolArn,
    machineClientId: auth.machineClient?.userPoolClientId ?? 'none',
    issuer: auth.issuer,
    signInDomain: auth.domain.baseUrl(),
    webClientId: auth.webClient.userPoolClientId,
  };
  return new ssm.StringListParameter(scope, id, {
    parameterName: AUTH_PARAMETER_NAME,
    description:
      "todolist: the user pool and its clients, for the other regions' APIs and the page's stack in us-east-1",
    stringListValue: AUTH_VALUES.map((name) => values[name]),
  });
}

/**
 * A digest of the user pool's, its domain's and its clients' CloudFormation definitions, as the
 * primary stack will deploy them. It changes whenever a deployment may replace one of them, and
 * so change an id the parameter holds: a reader given it reads the parameter again then, and
 * only then (a custom resource runs again only when its properties change).
 */
// It resolves the definitions when called (CDK computes a Lazy value once and keeps it): call it
// once the primary stack is fully built, as createApp does, or later changes are left out.
export function authRevision(auth: TodoAuth): string {
  const stack = Stack.of(auth);
  const definitions = auth.node
    .findAll()
    .filter(CfnResource.isCfnResource)
    .map((resource) => stack.resolve(resource._toCloudFormation()));
  return createHash('sha256').update(JSON.stringify(definitions)).digest('hex').slice(0, 16);
}

/** Options of {@link PrimaryAuth}. */
export interface PrimaryAuthProps {
  /** The region whose stack holds the user pool and {@link AUTH_PARAMETER_NAME}. */
  readonly primaryRegion: string;
  /** The primary's {@link authRevision}: a new one re-reads the parameter. */
  readonly revision: string;
}

/**
 * In another region, the primary region's user pool and its clients, read at deployment from
 * {@link AUTH_PARAMETER_NAME} (SSM parameters are regional, so by an SDK call into that region).
 * API Gateway's Cognito authorizer takes the pool by its ARN, wherever it is; the page's stack
 * in us-east-1 writes the web sign-in into its `config.json`.
 */
export class PrimaryAuth extends Construct {
  readonly userPool: cognito.IUserPool;
  /** The machine client's id, or `none`. */
  readonly machineClientId: string;
  /** The page's sign-in, for its `config.json`: the tokens' issuer, managed login and the web client. */
  readonly webSignIn: { readonly issuer: string; readonly domain: string; readonly clientId: string };

  constructor(scope: Construct, id: string, props: PrimaryAuthProps) {
    super(scope, id);
    const call: cr.AwsSdkCall = {
      service: 'SSM',
      action: 'getParameter',
      parameters: { Name: AUTH_PARAMETER_NAME },
      region: props.primaryRegion,
      physicalResourceId: cr.PhysicalResourceId.of(`${AUTH_PARAMETER_NAME}:${props.revision}`),
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
            resourceName: AUTH_PARAMETER_NAME.slice(1),
          }),
        ],
      }),
      installLatestAwsSdk: false,
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
