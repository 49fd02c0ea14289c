import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CHANGES_RETENTION_DAYS } from '@todolist/sdk/contract';
import { monotonicFactory } from 'ulid';
import type { Table } from './table.js';
import { TODO_INDEXES, TTL_ATTRIBUTE } from './table-schema.js';

// Every write of an item the changes feed shows (a todo, a list, a member, a reference to a
// shared list) stamps it in the same conditional write: `changeStamp`, byChange's sort key, so
// the feed is one Query of the index from a cursor and costs what changed. dynalite has no
// streams and no transactions, so nothing but the write itself could carry it.
//
// The stamp is a ULID: the writer's clock in milliseconds, then randomness (incremented within
// one millisecond, so a container's stamps never go back). Stamps from different writers are
// ordered by their clocks, which is not the order they commit in: a write stamped at t may be
// read only at t + its own latency, or, from another region of a global table, t + replication
// lag. The feed's cursor therefore re-reads the last CHANGE_OVERLAP_MS (change-cursor.ts).

const stampAt = monotonicFactory();

/** The attribute that orders a partition's changes (byChange's sort key). */
export const CHANGE_STAMP = TODO_INDEXES.byChange.sortKey;

/**
 * A new change stamp. Always the real clock, never a request's `now` (a replayed create writes
 * the `createdAt` it first had): a stamp in the past could fall behind a cursor already given.
 */
export function newChangeStamp(): string {
  return stampAt(Date.now());
}

/**
 * The attribute that makes an item a tombstone: why it is gone. A deleted todo, a deleted
 * list or an ended membership stays as a small item with this, its stamp and an expiry, so
 * the feed can say it is gone; every reader treats it as absent.
 */
export const GONE = 'gone';

/** A tombstone's reason: deleted, moved to a list in another partition, or a membership ended. */
export type GoneReason = 'deleted' | 'moved' | 'membership_ended';

/** Whether a stored item is a tombstone (and so, to every reader but the feed, not there). */
export function isGone(item: object | undefined): boolean {
  return item !== undefined && (item as Record<string, unknown>)[GONE] !== undefined;
}

/** Tombstones outlive the feed's retention by a day, so a cursor still served sees every delete. */
const TOMBSTONE_DAYS = CHANGES_RETENTION_DAYS + 1;

/** When DynamoDB's TTL may remove a tombstone written at `now`: epoch seconds. */
export function tombstoneExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + TOMBSTONE_DAYS * 24 * 60 * 60;
}

/** The attributes that turn an item into a tombstone at `now`, for an UpdateItem's SET. */
export function tombstoneAttributes(now: Date, reason: GoneReason): Record<string, string | number> {
  return { [GONE]: reason, [CHANGE_STAMP]: newChangeStamp(), [TTL_ATTRIBUTE]: tombstoneExpiry(now) };
}

/**
 * Turns the item at `key` into a tombstone: a list's, or a reference to a shared list (whose
 * member hears the list is gone for them). Other attributes stay; readers skip it by {@link isGone}.
 */
export async function leaveTombstone(
  table: Table,
  key: { pk: string; sk: string },
  reason: GoneReason,
): Promise<void> {
  const attributes = Object.entries(tombstoneAttributes(new Date(), reason));
  await table.client.send(
    new UpdateCommand({
      TableName: table.name,
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: `SET ${attributes.map(([name]) => `#${name} = :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(attributes.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(attributes.map(([name, value]) => [`:${name}`, value])),
    }),
  );
}

/**
 * Stamps the item at `key` as changed without changing it, when it exists and is not a
 * tombstone: a list whose people changed, so that everyone on it hears (the member item that
 * went cannot tell them).
 */
export async function touchStamp(table: Table, key: { pk: string; sk: string }): Promise<void> {
  try {
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: { pk: key.pk, sk: key.sk },
        UpdateExpression: 'SET #changeStamp = :changeStamp',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#gone)',
        ExpressionAttributeNames: { '#changeStamp': CHANGE_STAMP, '#gone': GONE },
        ExpressionAttributeValues: { ':changeStamp': newChangeStamp() },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
