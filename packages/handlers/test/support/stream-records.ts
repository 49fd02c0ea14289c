import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, StreamRecord } from 'aws-lambda';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

let sequence = 1000;

/**
 * The stream record DynamoDB writes for a change of the item at `key` from `before` to `after`
 * (NEW_AND_OLD_IMAGES): dynalite has no streams, so tests make the record from the item as it
 * was read before and after a real write. `ttl` makes it the record of TTL's own delete.
 */
export function streamRecord(
  key: Key,
  before: Item | undefined,
  after: Item | undefined,
  options: { ttl?: boolean } = {},
): DynamoDBRecord {
  // The stream's attribute values are the SDK's, typed apart by @types/aws-lambda.
  const image = (item: Item | undefined) =>
    item && (marshall(item, { removeUndefinedValues: true }) as unknown as StreamRecord['Keys']);
  return {
    eventID: randomUUID(),
    eventName: before === undefined ? 'INSERT' : after === undefined ? 'REMOVE' : 'MODIFY',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      Keys: image(key),
      ...(after ? { NewImage: image(after) } : {}),
      ...(before ? { OldImage: image(before) } : {}),
      SequenceNumber: String(++sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...(options.ttl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
  };
}

/** Reads the item at `key` consistently, as the stream's image of it would show it. */
export async function itemAt(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Key,
): Promise<Item | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return Item;
}

/** The stream record of a write `act` makes to the item at `key`, read before and after it. */
export async function recordOf(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Key,
  act: () => Promise<unknown>,
): Promise<DynamoDBRecord> {
  const before = await itemAt(client, tableName, key);
  await act();
  return streamRecord(key, before, await itemAt(client, tableName, key));
}
