import { DefaultStackSynthesizer, Lazy, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';

interface Statement {
  Action?: string | string[];
  Resource?: unknown;
}

/**
 * Names the distribution in the statement CDK gives its deployment handler for
 * `cloudfront:CreateInvalidation` and `GetInvalidation`, which CDK writes on `*`: both take a
 * distribution's ARN. CDK offers no option for it, so the handler's policy document is rewritten
 * as it is synthesized; every other statement stays as CDK made it.
 */
export function nameInvalidatedDistribution(
  deployment: s3deploy.BucketDeployment,
  distribution: cloudfront.IDistribution,
): void {
  const policy = deployment.handlerRole.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
  if (!policy) throw new Error('the deployment handler has no default policy to narrow');
  const stack = Stack.of(policy);
  const distributionArn = stack.formatArn({
    service: 'cloudfront',
    region: '',
    resource: 'distribution',
    resourceName: distribution.distributionId,
  });
  const invalidates = (statement: Statement) =>
    [statement.Action].flat().includes('cloudfront:CreateInvalidation') && statement.Resource === '*';
  // The property itself, not an override, so cdk-nag checks the statement as deployed.
  (policy.node.defaultChild as iam.CfnPolicy).policyDocument = Lazy.any({
    produce: () => {
      const document = stack.resolve(policy.document) as { Statement: Statement[] };
      return {
        ...document,
        Statement: document.Statement.map((statement) =>
          invalidates(statement) ? { ...statement, Resource: stack.resolve(distributionArn) } : statement,
        ),
      };
    },
  });
}

/**
 * The findings on CDK's own BucketDeployment handler (a singleton Lambda function CDK writes and
 * updates), each acknowledged for the reason it is right there.
 */
export function acknowledgeDeploymentHandler(deployment: s3deploy.BucketDeployment, bucket: s3.Bucket): void {
  // The role's scope is the handler function: acknowledging there covers the function and its role.
  const handler = deployment.handlerRole.node.scope as Construct;
  const stack = Stack.of(bucket);
  const bucketLogicalId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
  // cdk-nag writes unresolved tokens as <AWS::…>, and a stack's explicit account, region and
  // partition (a literal once the region is known, with @aws-cdk/core:enablePartitionLiterals) as they are.
  const named = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  const assetBucket = `arn:${named(stack.partition, 'Partition')}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${named(stack.account, 'AccountId')}-${named(stack.region, 'Region')}/*`;
  const acknowledge = (id: string, reason: string) => Validations.of(handler).acknowledge({ id, reason });
  acknowledge(
    'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's deployment handler writes its own logs with the basic execution policy; it runs only during a deployment.",
  );
  acknowledge(
    'AwsSolutions::AwsSolutions-L1',
    'The deployment handler is a Python function CDK ships and pins to the runtime it is tested on; it runs only during a deployment and serves no request.',
  );
  const wildcards = [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    `Resource::${assetBucket}`,
    `Resource::<${bucketLogicalId}.Arn>/*`,
  ];
  for (const finding of wildcards) {
    acknowledge(
      `AwsSolutions::AwsSolutions-IAM5[${finding}]`,
      "CDK's grantRead on the bootstrap asset bucket and grantReadWrite on the site bucket: the handler copies every object of the page, whose keys it cannot know in advance, and removes ones no longer in the page.",
    );
  }
}
