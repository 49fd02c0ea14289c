import { TABLE_KEY } from '@todolist/handlers';

/** The key of one item a write changed. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** The operations that change items, as `X-Amz-Target` names them (`DynamoDB_20120810.PutItem`). */
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

// Only a person's partition holds what a changes feed shows (store/keys.ts); writes to any
// other (an address's invitations, a health check) poke nobody, so they are dropped here.
export const PERSON_PARTITION = 'USER#';

/** The write operation an `X-Amz-Target` header names, or undefined for a read or anything else. */
export function writeOperation(target: string | string[] | undefined): string | undefined {
  if (typeof target !== 'string') return undefined;
  const operation = target.slice(target.indexOf('.') + 1);
  return WRITES.has(operation) ? operation : undefined;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** A string attribute in DynamoDB JSON (`{"S": "…"}`). */
function stringAttribute(item: Json | undefined, name: string): string | undefined {
  const value = object(item?.[name])?.S;
  return typeof value === 'string' ? value : undefined;
}

/** The key of an item (or a `Key`) in DynamoDB JSON, when it is in a person's partition. */
function personKey(item: unknown): ItemKey | undefined {
  const pk = stringAttribute(object(item), TABLE_KEY.partitionKey);
  const sk = stringAttribute(object(item), TABLE_KEY.sortKey);
  return pk?.startsWith(PERSON_PARTITION) && sk !== undefined ? { pk, sk } : undefined;
}

function batchKeys(requests: unknown): (ItemKey | undefined)[] {
  if (!Array.isArray(requests)) return [];
  return requests.map((request) => {
    const entry = object(request);
    return personKey(object(entry?.PutRequest)?.Item ?? object(entry?.DeleteRequest)?.Key);
  });
}

/**
 * The keys in people's partitions of `tableName` that a write request's body names: a
 * PutItem's `Item`, an UpdateItem's or DeleteItem's `Key`, each request of a BatchWriteItem.
 * A body of another shape (which dynalite refuses too) names none.
 */
export function changedKeys(operation: string, body: unknown, tableName: string): ItemKey[] {
  const request = object(body);
  if (request === undefined) return [];
  const keys =
    operation === 'BatchWriteItem'
      ? batchKeys(object(request.RequestItems)?.[tableName])
      : request.TableName === tableName
        ? [personKey(operation === 'PutItem' ? request.Item : request.Key)]
        : [];
  return keys.filter((key) => key !== undefined);
}
