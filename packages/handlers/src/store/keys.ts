/**
 * The single-table key scheme (DESIGN.md): a user's todos share one partition, sorted by ULID,
 * so one Query lists them in creation order. The same partition holds the person's claims on
 * `Idempotency-Key`s (`IDEMPOTENCY#<key>`), which sort apart from the todos. Only the store
 * knows these shapes.
 */
export const TODO_SK_PREFIX = 'TODO#';

export function ownerPartition(ownerId: string): string {
  return `USER#${ownerId}`;
}

export function todoKey(ownerId: string, id: string): { pk: string; sk: string } {
  return { pk: ownerPartition(ownerId), sk: `${TODO_SK_PREFIX}${id}` };
}

export function idFromSortKey(sk: string): string {
  return sk.slice(TODO_SK_PREFIX.length);
}

/** The key the health check reads: no person's partition, and no item needs to be there. */
export const HEALTH_SENTINEL_KEY = { pk: 'HEALTH', sk: 'SENTINEL' } as const;

/** The claim an `Idempotency-Key` makes in its owner's partition (see keyed-create.ts). */
export function keyClaimKey(ownerId: string, key: string): { pk: string; sk: string } {
  return { pk: ownerPartition(ownerId), sk: `IDEMPOTENCY#${key}` };
}
