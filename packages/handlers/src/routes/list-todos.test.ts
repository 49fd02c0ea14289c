import type { Todo, TodoPage } from '@todolist/sdk/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, bodyOf } from '../../test/support/events.js';
import { createThroughHandler } from '../../test/support/todos.js';
import { handler as listTodos } from './list-todos.js';

const OWNER = 'lister';
const TAGS = ['home', 'work', 'errands'];

/** 300 todos whose filters match very different shares: most pages need several queries. */
function seedInput(index: number) {
  return {
    title: `Todo ${index}`,
    completed: index % 3 === 0,
    ...(index % 4 === 0 ? {} : { dueDate: `2027-${String((index % 12) + 1).padStart(2, '0')}-15` }),
    tags: index % 7 === 0 ? [TAGS[index % 3] as string, 'rare'] : [TAGS[index % 3] as string],
  };
}

const list = (query: Record<string, string>, owner = OWNER) => listTodos(apiEvent({ owner, query }));

/** Every page of a listing, following nextCursor, checking each page is full unless it is the last. */
async function listAll(query: Record<string, string>, pageSize: number): Promise<Todo[]> {
  const items: Todo[] = [];
  let cursor: string | null = null;
  do {
    const result = await list({ ...query, limit: String(pageSize), ...(cursor ? { cursor } : {}) });
    expect(result.statusCode).toBe(200);
    const page = bodyOf<TodoPage>(result);
    if (page.nextCursor !== null) expect(page.items).toHaveLength(pageSize);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('listTodos', () => {
  const all: Todo[] = [];
  beforeAll(async () => {
    for (let start = 0; start < 300; start += 25) {
      const batch = Array.from({ length: 25 }, (_, i) => createThroughHandler(seedInput(start + i), OWNER));
      all.push(...(await Promise.all(batch)));
    }
    all.sort((a, b) => a.id.localeCompare(b.id));
  });

  const filters: [string, Record<string, string>, (todo: Todo) => boolean][] = [
    ['no filter', {}, () => true],
    ['status=open', { status: 'open' }, (t) => !t.completed],
    ['status=completed', { status: 'completed' }, (t) => t.completed],
    ['tag=rare', { tag: 'rare' }, (t) => t.tags.includes('rare')],
    ['tag=WORK (case folded)', { tag: 'WORK' }, (t) => t.tags.includes('work')],
    ['dueBefore', { dueBefore: '2027-04-01' }, (t) => t.dueDate !== null && t.dueDate < '2027-04-01'],
    ['dueAfter', { dueAfter: '2027-10-01' }, (t) => t.dueDate !== null && t.dueDate > '2027-10-01'],
    [
      'open, tag and due together',
      { status: 'open', tag: 'work', dueBefore: '2027-07-01' },
      (t) => !t.completed && t.tags.includes('work') && t.dueDate !== null && t.dueDate < '2027-07-01',
    ],
  ];

  it.each(filters)(
    'pages through 300 todos with %s: full pages, nothing missed or repeated',
    async (_name, query, keep) => {
      const expected = all.filter(keep).map((t) => t.id);
      expect(expected.length).toBeGreaterThan(0);
      for (const pageSize of [7, 100]) {
        const ids = (await listAll(query, pageSize)).map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(expected);
      }
    },
  );

  it('answers 25 todos by default and null nextCursor on the last page', async () => {
    const first = bodyOf<TodoPage>(await list({}));
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).toEqual(expect.any(String));
    const exact = bodyOf<TodoPage>(await list({ tag: 'rare', limit: '100' }));
    expect(exact.nextCursor).toBeNull();
  });

  it('lists nothing of another owner', async () => {
    const page = bodyOf<TodoPage>(await list({ limit: '100' }, 'stranger'));
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['limit=0', { limit: '0' }],
    ['limit=101', { limit: '101' }],
    ['limit=abc', { limit: 'abc' }],
    ['an unknown parameter', { colour: 'red' }],
    ['a bad status', { status: 'done' }],
    ['a bad date', { dueBefore: 'tomorrow' }],
  ])('answers 400 invalid_query for %s', async (_name, query) => {
    const result = await list(query);
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).code).toBe('invalid_query');
  });

  it('answers 400 invalid_query for a filter that does not parse, saying where, and for an unknown zone', async () => {
    const result = await list({ filter: '(today | p1' });
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toMatchObject({
      code: 'invalid_query',
      errors: [{ path: 'filter', message: 'filter: ")" expected to close the "(" (at character 12)' }],
    });
    const zone = await list({ filter: 'today', timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(bodyOf<{ errors: { path: string }[] }>(zone).errors.map((error) => error.path)).toEqual([
      'timeZone',
    ]);
  });

  it('answers the todos a filter finds, with a cursor kept to that filter', async () => {
    const filter = '#rare & !no date';
    const expected = (await listAll({}, 100)).filter((todo) => todo.tags.includes('rare') && todo.dueDate);
    expect(expected.length).toBeGreaterThan(5);
    expect(await listAll({ filter }, 5)).toEqual(expected);
    const cursor = bodyOf<TodoPage>(await list({ filter, limit: '5' })).nextCursor as string;
    expect((await list({ filter: '#rare', cursor })).statusCode).toBe(400);
  });

  it('answers 400 invalid_query for a parameter given twice', async () => {
    const result = await listTodos(apiEvent({ owner: OWNER, query: { status: ['open', 'completed'] } }));
    expect(result.statusCode).toBe(400);
  });

  describe('cursors', () => {
    const nextCursor = async (query: Record<string, string>) =>
      bodyOf<TodoPage>(await list({ ...query, limit: '5' })).nextCursor as string;

    it('answers 400 invalid_cursor for a tampered cursor', async () => {
      const cursor = await nextCursor({});
      const [payload, signature] = cursor.split('.') as [string, string];
      const forged = Buffer.from(
        Buffer.from(payload, 'base64url')
          .toString()
          .replace(/"after":"\w+"/, `"after":"${all[0]?.id}"`),
      ).toString('base64url');
      for (const bad of [
        `${forged}.${signature}`,
        `${payload}.${signature.slice(1)}A`,
        'garbage',
        `${payload}.`,
      ]) {
        const result = await list({ cursor: bad });
        expect(result.statusCode).toBe(400);
        expect(bodyOf(result).code).toBe('invalid_cursor');
      }
    });

    it("answers 400 invalid_cursor for another owner's cursor or another filter's", async () => {
      const cursor = await nextCursor({ status: 'open' });
      expect((await list({ status: 'open', cursor }, 'stranger')).statusCode).toBe(400);
      expect((await list({ status: 'completed', cursor })).statusCode).toBe(400);
      expect((await list({ status: 'open', cursor })).statusCode).toBe(200);
    });
  });
});

describe('listTodos with q=', () => {
  const SEARCHER = 'searcher';
  const titles = async (query: Record<string, string>) => {
    const answer = await list({ ...query, limit: '100' }, SEARCHER);
    expect(answer.statusCode, answer.body).toBe(200);
    return bodyOf<TodoPage>(answer).items.map((todo) => todo.title);
  };

  beforeAll(async () => {
    await createThroughHandler({ title: 'Crème brûlée recipe' }, SEARCHER);
    await createThroughHandler({ title: 'Buy milk', notes: 'oat, not CRÈME' }, SEARCHER);
    await createThroughHandler({ title: 'Call Zoë', tags: ['home'] }, SEARCHER);
  });

  it('finds every word in the title or the notes, case and accents aside', async () => {
    expect(await titles({ q: 'creme' })).toEqual(['Crème brûlée recipe', 'Buy milk']);
    expect(await titles({ q: 'BRULEE   Recipe' })).toEqual(['Crème brûlée recipe']);
    expect(await titles({ q: 'crème oat' })).toEqual(['Buy milk']);
    expect(await titles({ q: 'zoe' })).toEqual(['Call Zoë']);
    expect(await titles({ q: 'zoe', tag: 'work' })).toEqual([]);
    expect(await titles({ q: 'nothing like it' })).toEqual([]);
  });

  it('finds a todo by its new title once changed, and not by its old one', async () => {
    const todo = await createThroughHandler({ title: 'Renamed soon' }, SEARCHER);
    const { handler: updateTodo } = await import('./update-todo.js');
    const { todoEvent } = await import('../../test/support/todos.js');
    await updateTodo(
      todoEvent(todo.id, { method: 'PATCH', body: { title: 'Déjà vu', notes: null }, owner: SEARCHER }),
    );
    expect(await titles({ q: 'deja' })).toEqual(['Déjà vu']);
    expect(await titles({ q: 'renamed' })).toEqual([]);
  });

  it('refuses a blank or overlong q with a 400 naming it', async () => {
    for (const q of ['   ', 'x'.repeat(101)]) {
      const answer = await list({ q }, SEARCHER);
      expect(answer.statusCode).toBe(400);
      expect(answer.body).toContain('q must be 1–100 characters');
    }
  });
});
