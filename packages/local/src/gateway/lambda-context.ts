import type { Context } from 'aws-lambda';

/** API Gateway's longest integration timeout; the local gateway gives handlers the same budget. */
export const INTEGRATION_TIMEOUT_MS = 29_000;

/**
 * A Lambda invocation context for a locally invoked handler, so code that reads it
 * (Powertools' logger, and anything that asks for the remaining time) behaves as on AWS.
 */
export function lambdaContext(
  functionName: string,
  requestId: string,
  timeoutMs = INTEGRATION_TIMEOUT_MS,
): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
