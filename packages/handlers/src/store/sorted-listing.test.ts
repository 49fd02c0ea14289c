import type { Todo, TodoCreate, TodoListFilter } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from './client.js';
import { ListStore } from './list-store.js';
import { MemberStore } from './member-store.js';
import { nextDueDayAt } from './next-occurrence.js';
import { TodoStore } from './todo-store.js';

// sort=due and sort=priority, against the order written out here from the fields alone: over
// every list the caller sees (their Inbox, a list of theirs, an archived one left out, and a
// list shared with them from another partition) and within one list, page by page; and kept
// when todos change, move, repeat and race.

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

const NOW = new Date('2026-12-01T10:00:00Z');
const options = { tableName, cursorSigningKey: async () => 'sort-test-key', now: () => NOW };
const todos = new TodoStore(documentClient, options);
const lists = new ListStore(documentClient, options);
const members = new MemberStore(documentClient, { tableName });

const RANK = { high: 0, normal: 1, low: 2 } as const;

/** sort=due, spelt out: day (none last), a day's timed todos by time before its untimed ones, priority, creation. */
function byDue(a: Todo, b: Todo): number {
  return (
    compare(a.dueDate === null, b.dueDate === null) ||
    compare(a.dueDate ?? '', b.dueDate ?? '') ||
    compare(a.dueTime === null, b.dueTime === null) ||
    compare(a.dueTime ?? '', b.dueTime ?? '') ||
    RANK[a.priority] - RANK[b.priority] ||
    compare(a.id, b.id)
  );
}

/** sort=priority, spelt out: high first, then as sort=due. */
function byPriority(a: Todo, b: Todo): number {
  return RANK[a.priority] - RANK[b.priority] || byDue(a, b);
}

function compare<T extends string | boolean>(a: T, b: T): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Every todo a listing answers, `pageSize` at a time. */
async function listed(caller: string, query: Partial<TodoListFilter>, pageSize: number): Promise<Todo[]> {
  const found: Todo[] = [];
  let cursor: string | undefined;
  do {
    const page = await todos.list(caller, {
      sort: 'created',
      status: 'all',
      limit: pageSize,
      ...query,
      ...(cursor ? { cursor } : {}),
    });
    if (page.nextCursor) expect(page.items).toHaveLength(pageSize);
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

const ids = (found: readonly Todo[]) => found.map((todo) => todo.id);
const PRIORITIES = ['high', 'normal', 'low'] as const;

/** The i-th seeded todo: days before and after 1 December, times, no day, and every priority. */
function nth(i: number, listId: string): TodoCreate {
  const dueDate = i % 5 === 0 ? undefined : `2026-12-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
  return {
    title: `Todo ${i}`,
    listId,
    priority: PRIORITIES[(i * 2) % 3] as TodoCreate['priority'],
    ...(dueDate ? { dueDate } : {}),
    ...(dueDate && i % 3 === 0 ? { dueTime: i % 2 ? '08:15' : '17:45' } : {}),
  };
}

describe('sort=due and sort=priority', () => {
  const stamp = Date.now() % 1e8;
  const me = `00000000-0000-4000-a001-0001${stamp}`;
  const friend = `00000000-0000-4000-a001-0002${stamp}`;
  let visible: Todo[] = [];
  let errandsId = '';
  let bookClubId = '';

  beforeAll(async () => {
    await members.recordSignIn(me, `${me}@example.test`);
    await members.recordSignIn(friend, `${friend}@example.test`);
    const errands = await lists.create(me, { name: 'Errands' });
    const old = await lists.create(me, { name: 'Old' });
    const bookClub = await lists.create(friend, { name: 'Book club' });
    const friendsOwn = await lists.create(friend, { name: 'Private' });
    await members.add(friend, bookClub.id, `${me}@example.test`);
    errandsId = errands.id;
    bookClubId = bookClub.id;
    const made: Todo[] = [];
    for (let i = 0; i < 120; i++) {
      const place = i % 4;
      const todo =
        place === 3
          ? await todos.create(friend, nth(i, i % 8 === 3 ? friendsOwn.id : bookClub.id))
          : await todos.create(me, nth(i, [`inbox`, errands.id, old.id][place] as string));
      made.push(todo);
    }
    await lists.update(me, old.id, { archived: true });
    visible = made.filter((todo) => todo.listId !== old.id && todo.listId !== friendsOwn.id);
  });

  it('orders every list the caller sees by due, then priority, then creation, page by page', async () => {
    const found = await listed(me, { sort: 'due' }, 13);
    expect(ids(found)).toEqual(ids([...visible].sort(byDue)));
    // The seeds hold every case the order separates: overdue, timed and untimed days, no day.
    expect(found[0]?.dueDate).toBe('2026-12-01');
    expect(found.at(-1)?.dueDate).toBeNull();
  });

  it('orders every list by priority, then due, and keeps the listing filters', async () => {
    expect(ids(await listed(me, { sort: 'priority' }, 11))).toEqual(ids([...visible].sort(byPriority)));
    const before = (todo: Todo) => todo.dueDate !== null && todo.dueDate < '2026-12-10';
    expect(ids(await listed(me, { sort: 'priority', dueBefore: '2026-12-10' }, 7))).toEqual(
      ids(visible.filter(before).sort(byPriority)),
    );
  });

  it('orders one list of the caller, and one shared with them, out of its partition', async () => {
    const inErrands = visible.filter((todo) => todo.listId === errandsId);
    expect(ids(await listed(me, { sort: 'due', listId: errandsId }, 6))).toEqual(ids(inErrands.sort(byDue)));
    const inBookClub = visible.filter((todo) => todo.listId === bookClubId);
    expect(ids(await listed(me, { sort: 'priority', listId: bookClubId }, 4))).toEqual(
      ids(inBookClub.sort(byPriority)),
    );
  });
});

describe('a sorted listing after changes', () => {
  const stamp = Date.now() % 1e8;
  const me = `00000000-0000-4000-a002-0001${stamp}`;
  const friend = `00000000-0000-4000-a002-0002${stamp}`;

  /** The caller's todos as both sorts list them, beside the order their fields say. */
  async function orders(caller: string) {
    const due = await listed(caller, { sort: 'due' }, 5);
    const priority = await listed(caller, { sort: 'priority' }, 5);
    return {
      due: ids(due),
      priority: ids(priority),
      expectedDue: ids([...due].sort(byDue)),
      expectedPriority: ids([...due].sort(byPriority)),
    };
  }

  beforeAll(async () => {
    await members.recordSignIn(me, `${me}@example.test`);
    await members.recordSignIn(friend, `${friend}@example.test`);
  });

  it('moves a todo whose day, time or priority changes, or whose repeat moves on', async () => {
    const gym = await todos.create(me, { title: 'Gym', dueDate: '2026-12-05' });
    const rent = await todos.create(me, { title: 'Rent', dueDate: '2026-12-03', priority: 'low' });
    const call = await todos.create(me, {
      title: 'Call',
      dueDate: '2026-12-02',
      recurrence: { rrule: 'FREQ=WEEKLY', timeZone: 'UTC' },
    });
    const titles = async (sort: 'due' | 'priority') =>
      (await listed(me, { sort }, 10)).map((todo) => todo.title);
    expect(await titles('due')).toEqual(['Call', 'Rent', 'Gym']);

    await todos.update(me, gym.id, { dueDate: '2026-12-01', dueTime: '18:00' });
    await todos.update(me, rent.id, { priority: 'high', dueDate: null });
    await todos.update(me, call.id, { completed: true }, undefined, nextDueDayAt);
    expect(await titles('due')).toEqual(['Gym', 'Call', 'Rent']);
    expect(await titles('priority')).toEqual(['Rent', 'Gym', 'Call']);
    const view = await orders(me);
    expect(view.due).toEqual(view.expectedDue);
    expect(view.priority).toEqual(view.expectedPriority);
  });

  it('keeps a todo in order once moved to a list in another partition', async () => {
    const shared = await lists.create(friend, { name: 'Trip' });
    await members.add(friend, shared.id, `${me}@example.test`);
    const late = await todos.create(friend, { title: 'Visa', listId: shared.id, dueDate: '2026-12-20' });
    const soon = await todos.create(me, { title: 'Passport', dueDate: '2026-12-10', priority: 'high' });
    await todos.update(me, soon.id, { listId: shared.id });
    const inTrip = await listed(friend, { sort: 'due', listId: shared.id }, 10);
    expect(inTrip.map((todo) => todo.title)).toEqual(['Passport', 'Visa']);
    expect(ids(inTrip)).toEqual([soon.id, late.id]);
  });

  it('keeps the order true to the fields when changes to one todo race, none refused', async () => {
    const racer = `00000000-0000-4000-a002-0003${stamp}`;
    await members.recordSignIn(racer, `${racer}@example.test`);
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => todos.create(racer, { title: `Race ${i}`, dueDate: '2026-12-15' })),
    );
    const patches = made.flatMap((todo, i) => [
      todos.update(racer, todo.id, { priority: PRIORITIES[i % 3] as Todo['priority'] }),
      todos.update(racer, todo.id, { dueDate: `2026-12-${String(10 + ((i * 5) % 7)).padStart(2, '0')}` }),
      todos.update(racer, todo.id, { dueDate: '2026-12-12', dueTime: `0${i}:30` }),
      todos.update(racer, todo.id, { priority: PRIORITIES[(i + 1) % 3] as Todo['priority'] }),
    ]);
    const answers = await Promise.allSettled(patches);
    expect(answers.filter((answer) => answer.status === 'rejected')).toEqual([]);
    const view = await orders(racer);
    expect(view.due).toHaveLength(6);
    expect(view.due).toEqual(view.expectedDue);
    expect(view.priority).toEqual(view.expectedPriority);
  });
});
