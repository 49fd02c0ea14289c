import type { SavedFilter } from '@todolist/sdk/contract';
import { savedFilterIdFromSortKey } from './keys.js';

/**
 * A saved filter as stored, in its person's partition. Deliberately without `changeStamp` or
 * any index's sort key: no index holds it, so neither the changes feed nor any listing reads it.
 */
export interface SavedFilterItem {
  pk: string;
  sk: string;
  name: string;
  query: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The saved filter as the API answers it. */
export function toSavedFilter(item: SavedFilterItem): SavedFilter {
  return {
    id: savedFilterIdFromSortKey(item.sk),
    name: item.name,
    query: item.query,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

/**
 * The condition of a change or a delete: the filter is there and, with `If-Match`, at that
 * version; as a write's fields, with no empty map of values (DynamoDB refuses one).
 */
export function whereFilterIs(expectedVersion: number | undefined) {
  if (expectedVersion === undefined) return { ConditionExpression: 'attribute_exists(pk)' };
  return {
    ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
  };
}
