import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type BatchOptions, chunks, untilProcessed } from './batch-retry.js';
import { GONE, isGone } from './change-stamp.js';
import { idFromSortKey, ownerPartition, todoKey } from './keys.js';

/** DynamoDB's limit of keys per BatchGetItem. */
const READS_PER_BATCH = 100;

/**
 * The ids among `ids` (at most a batch, sorted) that the owner has: one Query over the range
 * they span. An import's ids lie close together, so that range rarely holds anything else, and
 * one range read costs far less than a lookup per key (on DynamoDB about 1 read unit per 4 KB
 * instead of one per key; on dynalite one LevelDB scan instead of a hundred gets). It reads at
 * most twice as many items as it looks for, and answers where it stopped.
 */
async function existingInRange(
  client: DynamoDBDocumentClient,
  ownerId: string,
  ids: readonly string[],
  options: BatchOptions,
): Promise<{ found: string[]; stoppedAt?: string }> {
  const answer = await client.send(
    new QueryCommand({
      TableName: options.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: {
        ':pk': ownerPartition(ownerId),
        ':first': todoKey(ownerId, ids[0] as string).sk,
        ':last': todoKey(ownerId, ids.at(-1) as string).sk,
      },
      ProjectionExpression: 'sk, #gone',
      ExpressionAttributeNames: { '#gone': GONE },
      ConsistentRead: true,
      Limit: ids.length * 2,
    }),
  );
  const found = (answer.Items ?? [])
    .filter((item) => !isGone(item))
    .map((item) => idFromSortKey(String(item.sk)));
  const stoppedAt = answer.LastEvaluatedKey && idFromSortKey(String(answer.LastEvaluatedKey.sk));
  return stoppedAt ? { found, stoppedAt } : { found };
}

/** The ids among `ids` the owner has, looked up by key, retrying what DynamoDB leaves unprocessed. */
async function existingByKey(
  client: DynamoDBDocumentClient,
  ownerId: string,
  ids: readonly string[],
  options: BatchOptions,
): Promise<string[]> {
  const found: string[] = [];
  for (const group of chunks(ids, READS_PER_BATCH)) {
    const keys: Record<string, unknown>[] = group.map((id) => todoKey(ownerId, id));
    await untilProcessed(
      keys,
      async (pending) => {
        const answer = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [options.tableName]: {
                Keys: pending,
                ProjectionExpression: 'sk, #gone',
                ExpressionAttributeNames: { '#gone': GONE },
                ConsistentRead: true,
              },
            },
          }),
        );
        for (const item of answer.Responses?.[options.tableName] ?? [])
          if (!isGone(item)) found.push(idFromSortKey(String(item.sk)));
        return (answer.UnprocessedKeys?.[options.tableName]?.Keys ?? []) as Record<string, unknown>[];
      },
      options,
    );
  }
  return found;
}

/**
 * The ids among `ids` the owner already has (a tombstone is not one: its id may come back): a range Query first, then, where the range held
 * more than it would read, a BatchGetItem of the ids past the point where it stopped.
 */
export async function existingIds(
  client: DynamoDBDocumentClient,
  ownerId: string,
  ids: readonly string[],
  options: BatchOptions,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const sorted = [...ids].sort();
  const wanted = new Set(sorted);
  const { found, stoppedAt } = await existingInRange(client, ownerId, sorted, options);
  const existing = new Set(found.filter((id) => wanted.has(id)));
  if (stoppedAt !== undefined) {
    const unread = sorted.filter((id) => id > stoppedAt);
    for (const id of await existingByKey(client, ownerId, unread, options)) existing.add(id);
  }
  return existing;
}
