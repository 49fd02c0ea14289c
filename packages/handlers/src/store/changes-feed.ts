import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Change, ChangePage, ChangesFilter } from '@todolist/sdk/contract';
import {
  type ChangeCursor,
  decodeChangeCursor,
  encodeChangeCursor,
  horizonAt,
  MAX_SEEN,
  seenKey,
} from './change-cursor.js';
import { changedList, type Entry, entryOf, type ReaderView } from './change-entries.js';
import { CHANGE_STAMP } from './change-stamp.js';
import { listKey, listPeoplePrefix, ownerPartition, RANGE_END } from './keys.js';
import { sharedLists } from './list-access.js';
import { type ListAccess, type ListItem, ownListAccess } from './list-item.js';
import { getMany, keyString, type Table } from './table.js';
import { TODO_INDEXES } from './table-schema.js';

// The changes feed (GET /v1/changes): one Query of byChange per partition the reader reads
// (their own, and each owner's whose lists are shared with them), from the cursor's settled
// point, merged in stamp order. What it costs is what changed since the cursor, whatever the
// number of todos: store/README.md gives the figures.

/** What one partition's Query gave: its changed items, and how far it read when it stopped early. */
interface SourceRead {
  ownerId: string;
  items: Record<string, unknown>[];
  /** The stamp it stopped at when there is more; undefined when it read to the end. */
  stoppedAt: string | undefined;
}

/**
 * A page of what changed since `filter.since` for the reader, or, without `since`, no changes
 * and a cursor for now (which remembers the changes of the overlap already made, so a full read
 * after it repeats none of them).
 */
export async function readChanges(
  table: Table,
  readerId: string,
  filter: ChangesFilter,
  now: Date,
): Promise<ChangePage> {
  const cursor: ChangeCursor = filter.since
    ? decodeChangeCursor(filter.since, now)
    : { settled: horizonAt(now), seen: new Set() };
  const shared = await sharedLists(table, readerId);
  const view: ReaderView = { readerId, shared: new Map(shared.map((access) => [access.listId, access])) };
  const limit = filter.since ? filter.limit : MAX_SEEN;
  const reads = await Promise.all([
    readSource(table, readerId, cursor, limit, undefined),
    ...[...groupByOwner(shared)].map(([ownerId, lists]) => readSource(table, ownerId, cursor, limit, lists)),
  ]);
  const page = pageOf(reads, cursor, limit, horizonAt(now));
  const next = encodeChangeCursor(page.cursor);
  if (!filter.since) return { changes: [], cursor: next, hasMore: false };
  const entries = page.taken.map(({ item, ownerId }) => entryOf(item, ownerId, view));
  return { changes: await changesOf(table, entries, view), cursor: next, hasMore: page.hasMore };
}

function groupByOwner(shared: readonly ListAccess[]): Map<string, string[]> {
  const byOwner = new Map<string, string[]>();
  for (const access of shared)
    byOwner.set(access.ownerId, [...(byOwner.get(access.ownerId) ?? []), access.listId]);
  return byOwner;
}

/**
 * One Query of a partition's changes after the settled point: all of the reader's own; of
 * another's, only what touches the lists shared with the reader (their todos, the lists and
 * their people, and todos that moved off them), filtered by DynamoDB.
 */
async function readSource(
  table: Table,
  ownerId: string,
  cursor: ChangeCursor,
  limit: number,
  lists: readonly string[] | undefined,
): Promise<SourceRead> {
  const input: Omit<QueryCommandInput, 'TableName'> = {
    IndexName: TODO_INDEXES.byChange.name,
    KeyConditionExpression: 'pk = :pk AND #stamp > :settled',
    ExpressionAttributeNames: { '#stamp': CHANGE_STAMP },
    ExpressionAttributeValues: { ':pk': ownerPartition(ownerId), ':settled': cursor.settled },
    ConsistentRead: true,
    // The seen changes come again (the overlap) and are skipped; one more tells whether there is more.
    Limit: limit + cursor.seen.size + 1,
  };
  if (lists) Object.assign(input, sharedListsFilter(ownerId, lists, input));
  const answer = await table.client.send(new QueryCommand({ ...input, TableName: table.name }));
  const last = answer.LastEvaluatedKey?.[CHANGE_STAMP];
  return { ownerId, items: answer.Items ?? [], stoppedAt: last === undefined ? undefined : String(last) };
}

/** The filter that keeps, of an owner's changes, those about the given lists of theirs. */
function sharedListsFilter(
  ownerId: string,
  lists: readonly string[],
  input: Omit<QueryCommandInput, 'TableName'>,
) {
  const names = {
    ...input.ExpressionAttributeNames,
    '#listId': 'listId',
    '#sk': 'sk',
    '#leftLists': 'leftLists',
  };
  const values: Record<string, unknown> = { ...input.ExpressionAttributeValues };
  const terms = lists.map((listId, at) => {
    values[`:list${at}`] = listId;
    values[`:listKey${at}`] = listKey(ownerId, listId).sk;
    values[`:people${at}`] = listPeoplePrefix(listId);
    return `#listId = :list${at} OR #sk = :listKey${at} OR begins_with(#sk, :people${at}) OR contains(#leftLists, :list${at})`;
  });
  return {
    FilterExpression: terms.join(' OR '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The items a page takes, in stamp order, and the cursor after them. */
function pageOf(reads: readonly SourceRead[], cursor: ChangeCursor, limit: number, horizon: string) {
  // Only as far as every partition was read: past a source's stop, another's items could come before its next ones.
  const frontier = reads.reduce<string | undefined>(
    (lowest, read) =>
      read.stoppedAt !== undefined && (lowest === undefined || read.stoppedAt < lowest)
        ? read.stoppedAt
        : lowest,
    undefined,
  );
  const candidates = reads
    .flatMap((read) =>
      read.items.map((item) => ({ item, ownerId: read.ownerId, stamp: String(item[CHANGE_STAMP]) })),
    )
    .filter((candidate) => frontier === undefined || candidate.stamp <= frontier)
    .sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
  // A change at or before the horizon needs no remembering: the settled point passes it. One
  // after it does, and the cursor remembers at most MAX_SEEN of those: the page stops at the
  // first fresh change there is no room for, which is taken once the horizon has passed it.
  let room = MAX_SEEN - [...cursor.seen].filter((key) => key >= horizon).length;
  const taken: typeof candidates = [];
  const seen = new Set(cursor.seen);
  let consumed: string | undefined;
  let cut = false;
  for (const candidate of candidates) {
    const key = seenKey(candidate.stamp);
    if (!seen.has(key)) {
      const fresh = candidate.stamp > horizon;
      if (taken.length >= limit || (fresh && room <= 0)) {
        cut = true;
        break;
      }
      taken.push(candidate);
      seen.add(key);
      if (fresh) room--;
    }
    consumed = candidate.stamp;
  }
  const hasMore = cut || frontier !== undefined;
  // Caught up: everything readable is delivered, so the settled point is the horizon. Else it is
  // where the page stopped, but never past the horizon (a late write may still come before it).
  const reached = hasMore ? (cut ? (consumed ?? cursor.settled) : (frontier as string)) : horizon;
  const settled = maxOf(cursor.settled, reached < horizon ? reached : horizon);
  return { taken, hasMore, cursor: { settled, seen } };
}

function maxOf(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * The page's changes in order, each list once, in its state now, at the place of its last
 * change (its item, its people or the reader's reference to it).
 */
async function changesOf(table: Table, entries: readonly Entry[], view: ReaderView): Promise<Change[]> {
  const lastAt = new Map<string, number>();
  entries.forEach((entry, at) => {
    const id = listIdOf(entry);
    if (id !== undefined) lastAt.set(id, at);
  });
  const lists = await currentLists(table, entries, view);
  const changes: Change[] = [];
  entries.forEach((entry, at) => {
    if (!entry) return;
    const id = listIdOf(entry);
    if (id !== undefined && lastAt.get(id) !== at) return;
    if ('change' in entry) {
      changes.push(entry.change);
      return;
    }
    const list = lists.get(entry.listChanged.listId);
    if (list) changes.push({ type: 'list', op: 'upsert', id: list.id, list });
  });
  return changes;
}

function listIdOf(entry: Entry): string | undefined {
  if (!entry) return undefined;
  if ('listChanged' in entry) return entry.listChanged.listId;
  return entry.change.type === 'list' ? entry.change.id : undefined;
}

/**
 * The lists the page shows in their current state: a shared one as the reader's access has it;
 * the reader's own read again (one BatchGetItem), each with whether anyone is on it (a Query
 * of its people, one item).
 */
async function currentLists(table: Table, entries: readonly Entry[], view: ReaderView) {
  const wanted = new Map<string, ListItem | undefined>();
  for (const entry of entries) {
    if (!entry || !('listChanged' in entry)) continue;
    const { listId, item } = entry.listChanged;
    wanted.set(listId, fresher(wanted.get(listId), item));
  }
  const result = new Map<string, ReturnType<typeof changedList>>();
  const own: string[] = [];
  for (const [listId, queried] of wanted) {
    const access = view.shared.get(listId);
    // The access was read before the Query: a rename between the two is only in the Query's item,
    // and the cursor passes it, so showing the access's older item would lose the rename.
    if (access) result.set(listId, changedList({ ...access, item: fresher(access.item, queried) }, true));
    else own.push(listId);
  }
  if (own.length === 0) return result;
  const found = await getMany(
    table,
    own.map((listId) => listKey(view.readerId, listId)),
  );
  await Promise.all(
    own.map(async (listId) => {
      const item = found.get(keyString(listKey(view.readerId, listId))) as ListItem | undefined;
      if (!item || item.deleting) return;
      result.set(
        listId,
        changedList(ownListAccess(view.readerId, item), await hasPeople(table, view.readerId, listId)),
      );
    }),
  );
  return result;
}

/** Of two reads of one list's item, the later write (by its change stamp). */
function fresher(a: ListItem | undefined, b: ListItem | undefined): ListItem | undefined {
  if (!a || !b) return a ?? b;
  return (b.changeStamp ?? '') > (a.changeStamp ?? '') ? b : a;
}

async function hasPeople(table: Table, ownerId: string, listId: string): Promise<boolean> {
  const prefix = listPeoplePrefix(listId);
  const { Items } = await table.client.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': ownerPartition(ownerId),
        ':from': prefix,
        ':to': `${prefix}${RANGE_END}`,
      },
      ConsistentRead: true,
      Limit: 1,
      ProjectionExpression: 'sk',
    }),
  );
  return (Items ?? []).length > 0;
}
