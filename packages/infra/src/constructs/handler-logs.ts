import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * The log group of a function CDK itself writes into this stack (a custom resource's provider,
 * the page's deployment handler): one per kind at the stack's root, as the function is a
 * singleton there, with a retention. Left to Lambda (or to CDK's own group), it is kept forever.
 */
export function cdkHandlerLogGroup(scope: Construct, kind: string): logs.LogGroup {
  const stack = Stack.of(scope);
  const id = `${kind}Logs`;
  return (
    (stack.node.tryFindChild(id) as logs.LogGroup | undefined) ??
    new logs.LogGroup(stack, id, {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    })
  );
}
