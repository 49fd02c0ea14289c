import type { QuickAddCreated } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedParse, phraseTable } from '../../../sdk/test/support/phrase-table.js';
import { apiEvent, bodyOf } from '../../test/support/events.js';
import { lists, members } from '../container.js';
import { handler as quickAdd } from './quick-add-todo.js';

// The quick-add phrase table the SDK's module is tested on (packages/sdk/src/quick-add/phrases.json),
// run through the route: each phrase makes a todo with the fields the table gives, and answers
// the table's parse. The route reads the server's clock; the table is read at its own `now`, so
// the clock (Date alone: timers run as ever) is set to it here.

const table = phraseTable;

const OWNER = 'quick-add-table';
/** The table's lists, by name: the person's own, and "work" shared with them by a colleague. */
const listIds = new Map<string, string>();

beforeAll(async () => {
  for (const name of ['Groceries', 'Big shop', 'home'])
    listIds.set(name.toLowerCase(), (await lists.create(OWNER, { name })).id);
  const colleague = 'quick-add-colleague';
  const work = await lists.create(colleague, { name: 'work' });
  await members.recordSignIn(OWNER, `${OWNER}@example.test`);
  await members.add(colleague, work.id, `${OWNER}@example.test`);
  listIds.set('work', work.id);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(table.now) });
});
afterAll(() => {
  vi.useRealTimers();
});

describe('the quick-add phrase table, through POST /v1/todos/quick', () => {
  it('holds at least 150 phrases', () => {
    expect(table.phrases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(table.phrases)('$text', async (phrase) => {
    const result = await quickAdd(
      apiEvent({
        method: 'POST',
        path: '/v1/todos/quick',
        owner: OWNER,
        body: { text: phrase.text, timeZone: table.timeZone },
      }),
    );
    expect(result.statusCode, result.body).toBe(201);
    const { todo, parse, unknownList } = bodyOf<QuickAddCreated>(result);
    const { taken: _taken, ...fields } = parse;
    expect(fields).toEqual(expectedParse(phrase));
    expect(unknownList).toBeUndefined();
    expect(todo).toMatchObject({
      title: phrase.title,
      dueDate: phrase.due ?? null,
      dueTime: (phrase.due && phrase.dueTime) || null,
      recurrence: phrase.rrule
        ? { rrule: phrase.rrule, fromCompletion: phrase.fromCompletion ?? false, timeZone: table.timeZone }
        : null,
      priority: phrase.priority ?? 'normal',
      tags: phrase.tags ?? [],
      notes: phrase.notes ?? null,
      listId: phrase.list ? listIds.get(phrase.list.toLowerCase()) : 'inbox',
      createdAt: table.now,
    });
  });
});
