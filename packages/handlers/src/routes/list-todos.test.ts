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
