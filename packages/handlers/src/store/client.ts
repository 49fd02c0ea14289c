import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HandlerConfig } from '../config.js';

/**
 * The DynamoDB clients for a container. `removeUndefinedValues` lets items omit absent optional
 * fields; an explicit endpoint (dynalite) gets fixed credentials, as it checks none.
 */
export function createDynamoDbClients(config: Pick<HandlerConfig, 'dynamodbEndpoint'>) {
  const client = new DynamoDBClient(
    config.dynamodbEndpoint
      ? {
          endpoint: config.dynamodbEndpoint,
          region: process.env.AWS_REGION ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {},
  );
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { client, documentClient };
}
