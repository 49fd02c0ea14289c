import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  type PutCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  type UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type BatchOptions, chunks, untilProcessed } from './batch-retry.js';

/** The table the store works on: its client and name, passed to each of the store's modules. */
export interface Table {
  client: DynamoDBDocumentClient;
  name: string;
}

type Key = { pk: string; sk: string };

/**
 * The item a conditional write's condition failed on, as it is now (undefined: there is none),
 * for the caller to say why (gone, another version, a claim held). DynamoDB returns it with the
 * failure when the write asked for `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`; dynalite does
 * not, so it is read then. Rethrows what is not a failed condition.
 */
export async function itemAtFailedCondition<Item>(
  table: Table,
  error: unknown,
  key: Key,
): Promise<Item | undefined> {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
  if (error.Item) return unmarshall(error.Item) as Item;
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.name, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
  );
  return Item as Item | undefined;
}

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

/**
 * A Query's pages, one call each, from `startKey` (or the start) until the range ends or the
 * caller stops reading: the one paging loop of the store's Queries.
 */
export async function* queryPages(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  startKey?: Record<string, unknown>,
): AsyncGenerator<QueryCommandOutput, void, undefined> {
  let next = startKey;
  do {
    const page = await table.client.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: next }),
    );
    yield page;
    next = page.LastEvaluatedKey;
  } while (next);
}

/**
 * Sends a conditional write: true when it went in, false when its condition failed (the item
 * was there already, or not as the condition wanted); any other error passes through.
 */
export async function writeIf(
  client: DynamoDBDocumentClient,
  write: PutCommand | UpdateCommand | DeleteCommand,
): Promise<boolean> {
  try {
    await client.send(write as PutCommand);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
