import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  filterMatches,
  parseFilter,
  type TodoListFilter,
  type TodoPage,
  type TodoSort,
} from '@todolist/sdk/contract';
import { isGone } from './change-stamp.js';
import { decodeCursor, encodeCursor, filterFingerprint } from './cursor.js';
import { filterContextFor } from './filter-context.js';
import { idFromSortKey, LIST_SK_PREFIX, ownerPartition, RANGE_END, TODO_SK_PREFIX, todoKey } from './keys.js';
import { everyListOf, listsFromRows, resolveList } from './list-access.js';
import { buildFilterExpression } from './list-filter.js';
import { type ListAccess, listIdOf } from './list-item.js';
import { queryPages, type Table } from './table.js';
import { TODO_INDEXES } from './table-schema.js';
import { listOrder, type TodoItem, toTodo } from './todo-item.js';

// With a filter, most items a Query reads may be dropped; reading a larger slice per call keeps
// the number of round trips low while still stopping as soon as the page is full.
const FILTERED_QUERY_SLICE = 200;

/** One ordered run of todos: a Query in one partition, read a slice at a time as the page needs. */
type Source = AsyncGenerator<TodoItem, void, undefined>;

async function* querySource(
  table: Table,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  slice: number,
  startKey?: Record<string, unknown>,
): Source {
  for await (const page of queryPages(table, { ...input, Limit: slice }, startKey)) {
    yield* (page.Items ?? []) as TodoItem[];
  }
}

/** The Query of a range of one index (or the table), with the listing's filters. */
function rangeQuery(
  filter: TodoListFilter,
  range: { pk: string; index?: string; attribute: string; from: string; to: string },
) {
  const filters = buildFilterExpression(filter);
  return {
    ...(range.index ? { IndexName: range.index } : {}),
    KeyConditionExpression: 'pk = :pk AND #range BETWEEN :from AND :to',
    ...filters,
    ExpressionAttributeNames: { ...filters.ExpressionAttributeNames, '#range': range.attribute },
    ExpressionAttributeValues: {
      ...filters.ExpressionAttributeValues,
      ':pk': range.pk,
      ':from': range.from,
      ':to': range.to,
    },
    ConsistentRead: true,
  };
}

/** The index a sort reads: one list's range of byList or byPosition, or a partition's byDue or byPriority. */
const SORT_INDEX = {
  created: TODO_INDEXES.byList,
  manual: TODO_INDEXES.byPosition,
  due: TODO_INDEXES.byDue,
  priority: TODO_INDEXES.byPriority,
} as const satisfies Record<TodoSort, { name: string; sortKey: string }>;

/** Sorts whose index spans the partition: a list's todos are picked out of it by a filter on `listId`. */
const partitionWide = (sort: TodoSort) => sort === 'due' || sort === 'priority';

/**
 * What orders a listing's todos and what its cursor names: the id (creation order), or the
 * sort's whole index key (which ends with the id, so no two todos share one).
 */
function orderKeyOf(sort: TodoSort): (item: TodoItem) => string {
  if (sort === 'created') return (item) => idFromSortKey(item.sk);
  const attribute = SORT_INDEX[sort].sortKey;
  return (item) => String(item[attribute as keyof TodoItem]);
}

/**
 * One page of the todos the caller asks for. One list (`listId`): a Query of that list's index
 * range in its owner's partition, in creation order or by position (`sort=manual`), or of the
 * partition's byDue or byPriority picking out the list (`sort=due`, `sort=priority`). Every list:
 * a merge, in the sort's order, of the caller's own partition (their Inbox and lists, archived
 * ones left out) and each list shared with them, one Query each. A page is full unless it is
 * the last: it reads until it has one todo more than the page holds, which proves a next page exists.
 */
export async function listTodos(
  table: Table,
  callerId: string,
  filter: TodoListFilter,
  cursorKey: () => Promise<string>,
  now: Date,
): Promise<TodoPage> {
  const after = filter.cursor
    ? decodeCursor(await cursorKey(), callerId, filter.cursor, filterFingerprint(filter)).after
    : undefined;
  const filtering = buildFilterExpression(filter).FilterExpression || filter.filter;
  const slice = filtering ? FILTERED_QUERY_SLICE : filter.limit + 1;
  const listed =
    filter.listId === undefined
      ? await everyList(table, callerId, filter, after, slice)
      : oneList(table, await resolveList(table, callerId, filter.listId), filter, after, slice);
  const ordered = filter.filter
    ? await withFilter(table, callerId, listed, filter.filter, filter.timeZone, now)
    : listed;

  const found: TodoItem[] = [];
  for await (const item of ordered) {
    found.push(item);
    if (found.length > filter.limit) break;
  }
  await ordered.return(undefined);
  const items = found.slice(0, filter.limit);
  const last = items.at(-1);
  const nextCursor =
    found.length > filter.limit && last
      ? encodeCursor(await cursorKey(), callerId, {
          after: orderKeyOf(filter.sort)(last),
          filter: filterFingerprint(filter),
        })
      : null;
  return { items: items.map(toTodo), nextCursor };
}

/**
 * The todos that pass a `filter=`, evaluated by the contract's `filterMatches` on each todo as
 * every client evaluates it, so the API and a client's own copy agree by construction. What it
 * drops is read all the same, as a FilterExpression's would be.
 */
async function withFilter(
  table: Table,
  callerId: string,
  source: Source,
  text: string,
  timeZone: string | undefined,
  now: Date,
): Promise<Source> {
  const node = parseFilter(text);
  const context = await filterContextFor(table, callerId, node, timeZone ?? 'UTC', now);
  return filtered(source, (item) => filterMatches(node, toTodo(item), context));
}

/** A Query range from just past `after` (BETWEEN is inclusive, so `after` itself is skipped) to the end. */
function pastCursor(prefix: string, after: string | undefined) {
  return { from: after ?? prefix, to: `${prefix}${RANGE_END}` };
}

/**
 * A partition's todos in byDue's or byPriority's order, past `after` (a key of that index),
 * with the listing's filters, and only one list's when `listId` is given.
 */
function sortedPartition(
  table: Table,
  pk: string,
  filter: TodoListFilter,
  after: string | undefined,
  slice: number,
  listId?: string,
): Source {
  const index = SORT_INDEX[filter.sort];
  const filters = buildFilterExpression(filter);
  // DynamoDB refuses parentheses around a whole expression, so the listing's go on only beside the list's.
  const clauses = [
    ...(listId === undefined ? [] : ['#listId = :listId']),
    ...(filters.FilterExpression
      ? [listId === undefined ? filters.FilterExpression : `(${filters.FilterExpression})`]
      : []),
  ];
  const names = {
    ...filters.ExpressionAttributeNames,
    ...(after === undefined ? {} : { '#range': index.sortKey }),
    ...(listId === undefined ? {} : { '#listId': 'listId' }),
  };
  return querySource(
    table,
    {
      IndexName: index.name,
      KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND #range > :after',
      ...(clauses.length > 0 ? { FilterExpression: clauses.join(' AND ') } : {}),
      // DynamoDB refuses an empty map of names.
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: {
        ...filters.ExpressionAttributeValues,
        ':pk': pk,
        ...(after === undefined ? {} : { ':after': after }),
        ...(listId === undefined ? {} : { ':listId': listId }),
      },
      ConsistentRead: true,
    },
    slice,
  );
}

function oneList(
  table: Table,
  access: ListAccess,
  filter: TodoListFilter,
  after: string | undefined,
  slice: number,
): Source {
  if (partitionWide(filter.sort)) {
    const todos = sortedPartition(table, ownerPartition(access.ownerId), filter, after, slice, access.listId);
    return withoutMovedAway(table, todos);
  }
  const prefix = `${access.listId}#`;
  const manual = filter.sort === 'manual';
  const index = manual ? TODO_INDEXES.byPosition : TODO_INDEXES.byList;
  // A cursor names the last todo's id (creation order) or its whole position key (manual order).
  const from = after === undefined ? undefined : manual ? after : listOrder(access.listId, after);
  const range = pastCursor(prefix, from);
  const todos = querySource(
    table,
    rangeQuery(filter, {
      pk: ownerPartition(access.ownerId),
      index: index.name,
      attribute: index.sortKey,
      ...range,
    }),
    slice,
  );
  return withoutMovedAway(
    table,
    filtered(todos, (item) => item[index.sortKey] !== from),
  );
}

async function* everyList(
  table: Table,
  callerId: string,
  filter: TodoListFilter,
  after: string | undefined,
  slice: number,
): Source {
  // The first page in creation order reads the caller's lists and first todos in one Query.
  const first =
    after === undefined && filter.sort === 'created'
      ? await listsAndFirstTodos(table, callerId, filter, slice)
      : undefined;
  const { own, shared } = first ?? (await everyListOf(table, callerId));
  const visible = shared.filter((access) => !access.item?.archived);
  // Each source's first read: its share of the page, with room for an uneven spread, rather
  // than a whole page from each (which would read k pages for one). A source that holds more
  // of the page reads on from where it stopped.
  const sliceOfEach =
    slice > filter.limit + 1 ? slice : Math.min(slice, Math.ceil((slice * 1.5) / (visible.length + 1)) + 1);
  const hidden = new Set(own.lists.filter((list) => list.archived).map(listIdOf));
  const sorted = partitionWide(filter.sort);
  const from = after === undefined || sorted ? undefined : todoKey(callerId, after).sk;
  // The partition's own range holds tombstones too (the indexes of one list do not).
  const keep = (item: TodoItem) => item.sk !== from && !hidden.has(item.listId) && !isGone(item);
  const ownTodos = sorted
    ? sortedPartition(table, ownerPartition(callerId), filter, after, sliceOfEach)
    : first
      ? continued(first.todos, first.startKey, (startKey) =>
          querySource(table, ownRange(callerId, filter, undefined), sliceOfEach, startKey),
        )
      : querySource(table, ownRange(callerId, filter, from), sliceOfEach);
  const sharedSort = sorted ? filter : { ...filter, sort: 'created' as const };
  const sources: Source[] = [
    withoutMovedAway(table, filtered(ownTodos, keep)),
    ...visible.map((access) => oneList(table, access, sharedSort, after, sliceOfEach)),
  ];
  yield* mergeBy(sources, orderKeyOf(sharedSort.sort));
}

/** The caller's own todos, past `from` (a sort key) when given, with the listing's filters. */
function ownRange(callerId: string, filter: TodoListFilter, from: string | undefined) {
  return rangeQuery(filter, {
    pk: ownerPartition(callerId),
    attribute: 'sk',
    ...pastCursor(TODO_SK_PREFIX, from),
  });
}

/** Rows read, then the rest of the Query from where it stopped (nothing more when it had ended). */
async function* continued(
  read: readonly TodoItem[],
  startKey: Record<string, unknown> | undefined,
  rest: (startKey: Record<string, unknown>) => Source,
): Source {
  yield* read;
  if (startKey) yield* rest(startKey);
}

async function* filtered(source: Source, keep: (item: TodoItem) => boolean): Source {
  for await (const item of source) if (keep(item)) yield item;
}

/**
 * The first page's reads of the caller's own partition in one Query: their list items and
 * pointers sort just before their todos (`LIST#` … `SHARED#`, then `TODO#`), so one range from
 * the first through the todos answers both, where a cursor's page needs two. The listing's
 * filters keep every row that is not a todo (those have no `listId`).
 */
async function listsAndFirstTodos(table: Table, callerId: string, filter: TodoListFilter, slice: number) {
  const filters = buildFilterExpression(filter);
  const rows: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  const pages = queryPages(table, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ...(filters.FilterExpression
      ? {
          FilterExpression: `attribute_not_exists(#listId) OR (${filters.FilterExpression})`,
          ExpressionAttributeNames: { ...filters.ExpressionAttributeNames, '#listId': 'listId' },
        }
      : {}),
    ExpressionAttributeValues: {
      ...filters.ExpressionAttributeValues,
      ':pk': ownerPartition(callerId),
      ':from': LIST_SK_PREFIX,
      ':to': `${TODO_SK_PREFIX}${RANGE_END}`,
    },
    ConsistentRead: true,
    // Room for the list items too: a person with a few lists reads all in this one call.
    Limit: slice + LIST_ROWS_ALLOWANCE,
  });
  for await (const page of pages) {
    rows.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
    // Read on only while the list items are not all read: the todos come after them.
    if (!startKey || String(startKey.sk) >= TODO_SK_PREFIX) break;
  }
  const todos = rows.filter((row) => String(row.sk).startsWith(TODO_SK_PREFIX)) as unknown as TodoItem[];
  const lists = await listsFromRows(table, callerId, rows);
  return { ...lists, todos, startKey };
}

/** List items, members and pointers a first page's Query reads besides its todos, at most, in one call. */
const LIST_ROWS_ALLOWANCE = 8;

/**
 * The source without todos whose move to another partition stopped after making the copy
 * (move-across.ts): the copy stands for them, in its own source if the caller may see it.
 * Only a crash part-way leaves a marked todo, so the extra read is rare.
 */
async function* withoutMovedAway(table: Table, source: Source): Source {
  for await (const item of source) {
    if (item.movingTo !== undefined && (await copyExists(table, item))) continue;
    yield item;
  }
}

/**
 * The sources' todos in the order of `keyOf`. Each source is sorted by it, so this keeps one
 * head per source and yields the smallest; a todo met twice in a row (a move's original and
 * copy, both visible, which share their keys) once.
 */
async function* mergeBy(sources: Source[], keyOf: (item: TodoItem) => string): Source {
  const heads = await Promise.all(sources.map((source) => source.next()));
  let previous: string | undefined;
  while (true) {
    let smallest = -1;
    heads.forEach((head, index) => {
      if (head.done) return;
      const current = heads[smallest];
      if (smallest < 0 || (current && !current.done && keyOf(head.value) < keyOf(current.value)))
        smallest = index;
    });
    if (smallest < 0) return;
    const item = (heads[smallest] as IteratorYieldResult<TodoItem>).value;
    heads[smallest] = await (sources[smallest] as Source).next();
    if (idFromSortKey(item.sk) === previous) continue;
    previous = idFromSortKey(item.sk);
    yield item;
  }
}

async function copyExists(table: Table, item: TodoItem): Promise<boolean> {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.name,
      Key: todoKey(item.movingTo as string, idFromSortKey(item.sk)),
      ProjectionExpression: 'pk',
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
}
