import {
  Cursor,
  type FilterContext,
  filterMatches,
  MAX_FILTER_LENGTH,
  parseFilter,
  type Todo,
  type TodoCreate,
} from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from './client.js';
import { ListStore } from './list-store.js';
import { MemberStore } from './member-store.js';
import { nextDueDayAt } from './next-occurrence.js';
import { TodoStore } from './todo-store.js';

// `filter=` on the API against the same filter evaluated client-side, on a fixed set of 200
// todos across the Inbox, a list of the caller's own, one they share and one shared with them,
// read at 08:30 on 2 December 2026 in Tokyo (the UTC day is still 1 December then). Two list
// names hold the filter language's operators (`R&D`, `Home (old)`): quoted, they are names.

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

const NOW = new Date('2026-12-01T23:30:00Z');
const ZONE = 'Asia/Tokyo';
const options = { tableName, cursorSigningKey: async () => 'filter-test-key', now: () => NOW };
const todos = new TodoStore(documentClient, options);
const lists = new ListStore(documentClient, options);
const members = new MemberStore(documentClient, { tableName });

const stamp = Date.now() % 1e8;
const me = `00000000-0000-4000-a000-0001${stamp}`;
const friend = `00000000-0000-4000-a000-0002${stamp}`;

/** Day `offset` from 2 December 2026. */
const day = (offset: number) => new Date(Date.UTC(2026, 11, 2 + offset)).toISOString().slice(0, 10);
const TAGS = [[], ['work'], ['home'], ['work', 'urgent'], ['errand']];
const PRIORITIES = ['high', 'normal', 'low'] as const;
const WORDS = ['Café order', 'Call mum', 'report', 'Crème brûlée', 'bins'];

/** The i-th of the 200: every combination of due day, time, priority, tags, repeat and notes. */
function nth(i: number, listId: string): TodoCreate {
  const dueDate = i % 7 === 0 ? undefined : day((i % 23) - 6);
  return {
    title: `${WORDS[i % WORDS.length]} ${i}`,
    listId,
    priority: PRIORITIES[i % 3] as TodoCreate['priority'],
    tags: TAGS[i % TAGS.length] as string[],
    ...(i % 4 === 0 ? { notes: 'from the cafe on the corner' } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(dueDate && i % 5 === 1 ? { dueTime: i % 2 ? '08:00' : '18:00' } : {}),
    ...(dueDate && i % 8 === 2 ? { recurrence: { rrule: 'FREQ=WEEKLY', timeZone: ZONE } } : {}),
  };
}

let every: Todo[] = [];
let context: FilterContext;

beforeAll(async () => {
  await members.recordSignIn(me, `${me}@example.test`);
  await members.recordSignIn(friend, `${friend}@example.test`);
  const rnd = await lists.create(me, { name: 'R&D' });
  const oldHome = await lists.create(me, { name: 'Home (old)' });
  await members.add(me, oldHome.id, `${friend}@example.test`);
  const theirs = await lists.create(friend, { name: 'Book club' });
  await members.add(friend, theirs.id, `${me}@example.test`);
  const places = ['inbox', rnd.id, oldHome.id];
  for (let i = 0; i < 200; i++) {
    const input = nth(i, places[i % 3] as string);
    const created =
      i % 10 === 9
        ? await todos.create(friend, { ...input, listId: theirs.id })
        : await todos.create(me, input);
    if (i % 6 === 5)
      await todos.update(created.createdBy, created.id, { completed: true }, undefined, nextDueDayAt);
  }
  const first = await todos.list(me, { sort: 'created', status: 'all', limit: 100 });
  const cursor = first.nextCursor ?? undefined;
  const second = cursor
    ? await todos.list(me, { sort: 'created', status: 'all', limit: 100, cursor })
    : undefined;
  every = [...first.items, ...(second?.items ?? [])];
  const names = new Map([
    ['inbox', 'Inbox'],
    [rnd.id, 'R&D'],
    [oldHome.id, 'Home (old)'],
    [theirs.id, 'Book club'],
  ]);
  context = {
    today: '2026-12-02',
    now: '08:30',
    listNamed: (listId, name) => names.get(listId)?.toLowerCase() === name.toLowerCase(),
    isShared: (listId) => listId === oldHome.id || listId === theirs.id,
  };
});

/** Every todo the API lists for `filter`, `pageSize` at a time, each cursor one the API takes back. */
async function listed(filter: string, pageSize = 30): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await todos.list(me, {
      sort: 'created',
      status: 'all',
      limit: pageSize,
      filter,
      timeZone: ZONE,
      ...(cursor ? { cursor } : {}),
    });
    titles.push(...page.items.map((todo) => todo.title));
    cursor = page.nextCursor ?? undefined;
    if (cursor) expect(Cursor.safeParse(cursor).success).toBe(true);
  } while (cursor);
  return titles;
}

describe('filter= on 200 todos', () => {
  it('has all 200 to filter', () => {
    expect(every).toHaveLength(200);
  });

  it.each([
    'today',
    'overdue',
    'no date',
    'next 7 days',
    'before: dec 24',
    'before: 2026-11-30',
    'p1',
    'p3 & !#work',
    '#work | #errand',
    '@"r&d"',
    '@"Home (old)" & today',
    '@ "home (old)" & !#work',
    '!@"R&D" & (@"Home (old)" | recurring)',
    '@book club',
    'recurring',
    'shared',
    '!shared & recurring',
    'search: cafe',
    'search: creme brulee | search: mum',
    '(today | overdue) & p1 & !recurring',
    '!(no date | #home) & next 7 days',
  ])('%s: the API lists what the client finds', async (filter) => {
    const node = parseFilter(filter);
    const expected = every.filter((todo) => filterMatches(node, todo, context)).map((todo) => todo.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(200);
    expect(await listed(filter)).toEqual(expected);
  });

  it('pages a filter of the longest length with cursors the API takes back', async () => {
    const long = `${'!#nothing & '.repeat(41)}p1`.padEnd(MAX_FILTER_LENGTH, ' ');
    expect(long).toHaveLength(MAX_FILTER_LENGTH);
    const expected = every.filter((todo) => todo.priority === 'high').map((todo) => todo.title);
    expect(await listed(long, 20)).toEqual(expected);
  });

  it('reads today in the zone given: UTC is still on 1 December', async () => {
    const utc = await todos.list(me, { sort: 'created', status: 'all', limit: 100, filter: 'today' });
    expect(utc.items.map((todo) => todo.dueDate)).toEqual(utc.items.map(() => day(-1)));
    expect(utc.items.length).toBeGreaterThan(0);
  });
});
