// A test writes what the API would refuse today, as older data may hold it, with the same
// DynamoDB client library the handlers use.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '@todolist/local/testing';

/**
 * Sets fields of a stored todo straight in the local stack's table, past the API's checks: a
 * todo from before the contract refused control characters in titles, tags or notes. The todo
 * must exist (made through the API, so every other attribute is as the store writes it); its
 * key is the store's documented one, `USER#<owner sub>` and `TODO#<id>`.
 */
export async function overwriteStoredTodo(
  stack: LocalStack,
  owner: string,
  id: string,
  fields: { title?: string; notes?: string; tags?: string[] },
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: stack.dynamodbEndpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documentClient = DynamoDBDocumentClient.from(client);
  const names = Object.keys(fields);
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `USER#${owner}`, sk: `TODO#${id}` },
        ConditionExpression: 'attribute_exists(pk)',
        UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
        ExpressionAttributeValues: Object.fromEntries(
          Object.entries(fields).map(([name, value]) => [`:${name}`, value]),
        ),
      }),
    );
  } finally {
    client.destroy();
  }
}
