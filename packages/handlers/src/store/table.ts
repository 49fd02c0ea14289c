import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BatchOptions, chunks, untilProcessed } from './batch-retry.js';

/** The table the store works on: its client and name, passed to each of the store's modules. */
export interface Table {
  client: DynamoDBDocumentClient;
  name: string;
}

type Key = { pk: string; sk: string };

/** DynamoDB's limit of keys per BatchGetItem. */
const KEYS_PER_BATCH = 100;

/**
 * The items at these keys, read consistently (BatchGetItem, retrying what DynamoDB leaves
 * unprocessed), by `pk` and `sk` joined with a newline; absent keys are absent from the map.
 */
export async function getMany(
  table: Table,
  keys: readonly Key[],
  options: Omit<BatchOptions, 'tableName'> = {},
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((key) => [keyString(key), key])).values()];
  for (const group of chunks(unique, KEYS_PER_BATCH)) {
    await untilProcessed(
      group as Record<string, unknown>[],
      async (pending) => {
        const answer = await table.client.send(
          new BatchGetCommand({ RequestItems: { [table.name]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of answer.Responses?.[table.name] ?? []) found.set(keyString(item as Key), item);
        return (answer.UnprocessedKeys?.[table.name]?.Keys ?? []) as Record<string, unknown>[];
      },
      { ...options, tableName: table.name },
    );
  }
  return found;
}

/** A key as one string, for maps of items. */
export function keyString(key: Key): string {
  return `${key.pk}\n${key.sk}`;
}
