import type { SavedFilter, SavedFilterPatch } from '@todolist/sdk/contract';
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

/** The pieces of an UpdateItem or DeleteItem call, placeholders and all. */
interface Expression {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * The UpdateItem expression of a patch: set what it gives, stamp `updatedAt`, bump `version`.
 * Not update-expression.ts's, which also writes a change stamp: that would put the filter in
 * the changes feed's index.
 */
export function patchExpression(patch: SavedFilterPatch, now: string): Expression {
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':one': 1, ':now': now };
  const set = ['#version = #version + :one', '#updatedAt = :now'];
  for (const field of ['name', 'query'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    set.push(`#${field} = :${field}`);
  }
  return { expression: `SET ${set.join(', ')}`, names, values };
}

/** The condition of a change or a delete: the filter is there and, with `If-Match`, at that version. */
export function whereFilterIs(expectedVersion: number | undefined): Expression {
  if (expectedVersion === undefined) return { expression: 'attribute_exists(pk)', names: {}, values: {} };
  return {
    expression: 'attribute_exists(pk) AND #version = :expected',
    names: { '#version': 'version' },
    values: { ':expected': expectedVersion },
  };
}
