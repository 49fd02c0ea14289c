import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { ValidationError } from '../errors.js';
import { ownerPartition, todoKey } from './keys.js';
import type { Table } from './table.js';
import { TODO_INDEXES } from './table-schema.js';
import type { TodoItem } from './todo-item.js';

// Manual order is a fractional index per todo (the fractional-indexing package): a move writes
// one position between its new neighbours' and never renumbers anyone else, whatever the
// list's length. Two moves into one gap at once may pick the same position; byPosition's sort
// key ends in the todo's id, so the two still have a fixed order, and a later move between them
// finds the next greater position (below).

/** Positions read past an anchor to find its next greater neighbour (ties and the moving todo skipped). */
const NEIGHBOURS_READ = 5;

const { byPosition } = TODO_INDEXES;

async function neighbours(
  table: Table,
  ownerId: string,
  listId: string,
  options: { from?: string; forward: boolean },
): Promise<TodoItem[]> {
  const range = options.from
    ? { condition: '#order BETWEEN :from AND :to', values: { ':from': options.from, ':to': `${listId}#~` } }
    : { condition: 'begins_with(#order, :list)', values: { ':list': `${listId}#` } };
  const { Items } = await table.client.send(
    new QueryCommand({
      TableName: table.name,
      IndexName: byPosition.name,
      KeyConditionExpression: `pk = :pk AND ${range.condition}`,
      ExpressionAttributeNames: { '#order': byPosition.sortKey },
      ExpressionAttributeValues: { ':pk': ownerPartition(ownerId), ...range.values },
      ScanIndexForward: options.forward,
      ConsistentRead: true,
      Limit: NEIGHBOURS_READ,
    }),
  );
  return (Items ?? []) as TodoItem[];
}

// The base-62 digits of fractional-indexing, in their (ASCII) order.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// A key whose integer part starts with "z" has 26 more digits: room for any moment, zero-padded.
const NEW_TODO_INTEGER_DIGITS = 26;

/**
 * Positions for todos made now, last in any list, without reading it: the integer part of a
 * fractional index, made of the time (in microsecond steps, so an import's `count` keep their
 * order). Every position a move writes is a neighbour's key plus or minus a step, or between
 * two keys, so time keys made later still sort after them; one move "to the end" adds 1
 * microsecond's worth, which the clock passes at once. Todos made before lists (migrated, from
 * "a0") sort before every one of these.
 */
export function positionsForNew(now: Date, count: number): string[] {
  const start = BigInt(now.getTime()) * 1000n;
  return Array.from({ length: count }, (_, index) => {
    let value = start + BigInt(index);
    let digits = '';
    while (value > 0n) {
      digits = DIGITS[Number(value % 62n)] + digits;
      value /= 62n;
    }
    return `z${digits.padStart(NEW_TODO_INTEGER_DIGITS, '0')}`;
  });
}

/** `count` positions after the last todo of the list, in order: for todos moved to its end. One Query. */
export async function positionsAtEnd(
  table: Table,
  ownerId: string,
  listId: string,
  count: number,
): Promise<string[]> {
  const [last] = await neighbours(table, ownerId, listId, { forward: false });
  return generateNKeysBetween(last?.position || null, null, count);
}

/**
 * The position that puts todo `movingId` right after `afterId` in the list, or at its top when
 * `afterId` is null. The anchor must be another todo of the same list, else a 422.
 */
export async function positionAfter(
  table: Table,
  ownerId: string,
  listId: string,
  afterId: string | null,
  movingId: string,
): Promise<string> {
  if (afterId === null) {
    const first = (await neighbours(table, ownerId, listId, { forward: true })).find(
      (item) => item.sk !== todoKey(ownerId, movingId).sk,
    );
    return generateKeyBetween(null, first?.position || null);
  }
  const anchor = await readAnchor(table, ownerId, listId, afterId, movingId);
  const next = (
    await neighbours(table, ownerId, listId, { from: anchor[byPosition.sortKey] as string, forward: true })
  ).find((item) => item.sk !== todoKey(ownerId, movingId).sk && item.position > anchor.position);
  return generateKeyBetween(anchor.position, next?.position ?? null);
}

async function readAnchor(
  table: Table,
  ownerId: string,
  listId: string,
  afterId: string,
  movingId: string,
): Promise<TodoItem> {
  const refuse = (message: string) => new ValidationError(`after: ${message}`, [{ path: 'after', message }]);
  if (afterId === movingId) throw refuse('a todo cannot go after itself');
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.name, Key: todoKey(ownerId, afterId), ConsistentRead: true }),
  );
  const anchor = Item as TodoItem | undefined;
  if (!anchor || anchor.listId !== listId) {
    throw refuse(`no todo ${afterId} on the list the todo goes to`);
  }
  return anchor;
}
