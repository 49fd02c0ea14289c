import { RemovalPolicy } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * The log group API Gateway writes a stage's execution logs to, `API-Gateway-Execution-Logs_<api id>/<stage>`,
 * made by the stack with a retention before the stage exists. Left to API Gateway, it is created
 * on the first logged request and kept forever, outside any stack.
 */
export function executionLogGroup(
  api: apigateway.RestApi,
  /** The stage's name as written, not the stage's token: the stage is made to wait for the group. */
  stageName: string,
  retention: logs.RetentionDays = logs.RetentionDays.ONE_MONTH,
): logs.LogGroup {
  const stage = api.deploymentStage;
  const group = new logs.LogGroup(api, 'ExecutionLogs', {
    logGroupName: `API-Gateway-Execution-Logs_${api.restApiId}/${stageName}`,
    retention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // Created first, so API Gateway finds it rather than making its own (which would then clash).
  stage.node.addDependency(group);
  return group;
}
