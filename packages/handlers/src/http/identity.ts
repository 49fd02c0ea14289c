import type { APIGatewayProxyEvent } from 'aws-lambda';

/**
 * The owner of a request: the subject of the caller's identity as API Gateway's authorizer
 * passed it (Cognito's `claims.sub`, or a Lambda authorizer's `principalId`). A request with
 * no identity belongs to the configured default owner until sign-in is required.
 */
export function ownerOf(event: APIGatewayProxyEvent, defaultOwnerId: string): string {
  const authorizer = event.requestContext?.authorizer as
    | { claims?: { sub?: unknown }; principalId?: unknown }
    | null
    | undefined;
  const subject = authorizer?.claims?.sub ?? authorizer?.principalId;
  return typeof subject === 'string' && subject.length > 0 ? subject : defaultOwnerId;
}
