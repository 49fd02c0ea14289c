import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { LIVE_TOKEN_PARAMETER, TODO_SCOPES } from '@todolist/sdk/contract';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import { ConfigError, readConfig } from '../config.js';
import { ownerOfClaims } from '../http/identity.js';
import { logger, metrics, ROUTE_DIMENSION } from '../observability.js';
import { accessTokenVerifier } from './access-token.js';
import { LIVE_HANDLERS, LIVE_METRIC } from './live-metrics.js';

// The WebSocket API's $connect authorizer. A browser's WebSocket cannot send headers, so the
// access token comes as `?token=`; it is checked as the REST API's Cognito authorizer checks a
// bearer token, and the connection belongs to whom that token's requests would (ownerOfClaims).
// It reads no table and loads no DynamoDB client: it runs on every connection's handshake.

const config = readConfig();
if (!config.accessTokens)
  throw new ConfigError(
    'TOKEN_ISSUER and TOKEN_CLIENT_IDS are not set: the live authorizer cannot check a token',
  );
const verify = accessTokenVerifier(config.accessTokens, TODO_SCOPES.read);

/**
 * Allows the connection for its owner, or refuses it: API Gateway answers the handshake 401
 * when an authorizer throws `Unauthorized`. The owner is the `principalId` the $connect and
 * $disconnect routes read back; the client id goes along in the context.
 */
export async function handler(
  event: APIGatewayRequestAuthorizerEvent,
  context?: Context,
): Promise<APIGatewayAuthorizerResult> {
  if (context) logger.addContext(context);
  logger.appendKeys({ requestId: event.requestContext?.requestId, route: LIVE_HANDLERS.authorizer });
  try {
    const check = await verify(event.queryStringParameters?.[LIVE_TOKEN_PARAMETER]);
    const owner = check.ok ? ownerOfClaims(check.claims, config.machineOwners) : undefined;
    if (!check.ok || owner === undefined) {
      logger.info('live connection refused', {
        reason: check.ok ? 'the token names no subject' : check.reason,
      });
      metrics.addDimension(ROUTE_DIMENSION, LIVE_HANDLERS.authorizer);
      metrics.addMetric(LIVE_METRIC.refusedConnections, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
      throw new Error('Unauthorized');
    }
    return {
      principalId: owner,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
      },
      context: { clientId: String(check.claims.client_id) },
    };
  } finally {
    logger.removeKeys(['requestId', 'route']);
  }
}
