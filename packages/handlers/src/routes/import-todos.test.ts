import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  MAX_BODY_BYTES,
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_ITEMS,
  routes,
  type Todo,
  TodoId,
  type TodoImportResponse,
  type TodoPage,
} from '@todolist/sdk/contract';
import { monotonicFactory } from 'ulid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiEvent, bodyOf, headerOf } from '../../test/support/events.js';
import { todoEvent } from '../../test/support/todos.js';
import { documentClient } from '../container.js';
import { handler as getTodo } from './get-todo.js';
import { handler as importTodos } from './import-todos.js';
import { handler as listTodos } from './list-todos.js';
import { handler as updateTodo } from './update-todo.js';

// Monotonic, so the todos an array of items makes list in the array's order.
const ulid = monotonicFactory();

const post = (owner: string, body: unknown, headers: Record<string, string> = {}) =>
  importTodos(
    apiEvent({
      method: 'POST',
      path: routes.importTodos.path,
      resource: routes.importTodos.path,
      owner,
      body,
      headers,
    }),
  );

/** Imports the items and returns the answer's body, failing the test on any status but 200. */
async function importAs(owner: string, items: unknown[]): Promise<TodoImportResponse> {
  const result = await post(owner, { items });
  expect(result.statusCode, result.body).toBe(200);
  return bodyOf<TodoImportResponse>(result);
}

/** Every todo of the owner, in list order. */
async function todosOf(owner: string): Promise<Todo[]> {
  const todos: Todo[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { limit: '100', ...(cursor ? { cursor } : {}) };
    const page: TodoPage = bodyOf<TodoPage>(await listTodos(apiEvent({ owner, query })));
    todos.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return todos;
}

const read = async (id: string, owner: string) => bodyOf<Todo>(await getTodo(todoEvent(id, { owner })));

const titled = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => ({ id: ulid(), title: `${prefix} ${index}` }));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importTodos', () => {
  it('creates every valid item with the id it gives and answers one result per item, in order, with the counts', async () => {
    const owner = 'importer';
    const full = {
      id: ulid(),
      title: 'File taxes',
      notes: 'Form 1040',
      dueDate: '2027-04-15',
      priority: 'high',
      tags: ['money'],
      completed: true,
    };
    const items = [full, ...titled(2, 'Plain')];
    const answer = await importAs(owner, items);
    expect(answer).toEqual({
      results: items.map(({ id }, index) => ({ index, id, status: 'created' })),
      created: 3,
      existing: 0,
      rejected: 0,
    });
    const { id, ...fields } = full;
    const stored = await read(id, owner);
    expect(stored).toMatchObject({ ...fields, id, version: 1 });
    expect(stored.completedAt).toBe(stored.createdAt);
    expect(await read(items[2]?.id ?? '', owner)).toMatchObject({
      title: 'Plain 1',
      notes: null,
      completed: false,
      priority: 'normal',
      tags: [],
      version: 1,
    });
  });

  it('gives each item without an id a fresh ULID, in the order of the items', async () => {
    const owner = 'no-ids';
    const items = Array.from({ length: 30 }, (_, index) => ({ title: `Unnamed ${index}` }));
    const answer = await importAs(owner, items);
    const ids = answer.results.map((result) => result.id ?? '');
    expect(answer.created).toBe(30);
    for (const id of ids) expect(TodoId.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(30);
    expect([...ids].sort()).toEqual(ids);
    expect((await todosOf(owner)).map((todo) => [todo.id, todo.title])).toEqual(
      items.map((item, index) => [ids[index], item.title]),
    );
  });

  it('rejects a bad item with its field errors while the good ones are created', async () => {
    const owner = 'mixed-bag';
    const [first, last] = titled(2, 'Good');
    const items = [
      first,
      { title: '   ' },
      { title: 'Colourful', colour: 'red' },
      { title: 'Impossible day', dueDate: '2026-02-30' },
      { id: 'not-a-ulid', title: 'Bad id' },
      'not an object',
      last,
    ];
    const answer = await importAs(owner, items);
    expect(answer).toMatchObject({ created: 2, existing: 0, rejected: 5 });
    expect(answer.results.map((result) => result.status)).toEqual([
      'created',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'created',
    ]);
    const paths = answer.results.map((result) => result.error?.errors.map((error) => error.path));
    expect(paths.slice(1, 5)).toEqual([['title'], ['colour'], ['dueDate'], ['id']]);
    expect(answer.results[4]).toMatchObject({ index: 4, id: 'not-a-ulid' });
    expect(answer.results[1]).toMatchObject({
      index: 1,
      id: null,
      error: { message: expect.stringContaining('title') },
    });
    expect((await todosOf(owner)).map((todo) => todo.id)).toEqual([first?.id, last?.id]);
  });

  it('answers "existing" for every item when the same import is sent again, keeping one copy of each', async () => {
    const owner = 'resender';
    const items = titled(5, 'Once');
    const first = await importAs(owner, items);
    const again = await importAs(owner, items);
    expect(first).toMatchObject({ created: 5, existing: 0 });
    expect(again).toEqual({
      results: items.map(({ id }, index) => ({ index, id, status: 'existing' })),
      created: 0,
      existing: 5,
      rejected: 0,
    });
    expect((await todosOf(owner)).map((todo) => todo.id)).toEqual(items.map((item) => item.id));
  });

  it('leaves a todo edited after its import as it is when the import is sent again', async () => {
    const owner = 'editor';
    const items = titled(3, 'Imported');
    await importAs(owner, items);
    const id = items[1]?.id ?? '';
    const edited = await updateTodo(
      todoEvent(id, { owner, method: 'PATCH', body: { title: 'Edited since' } }),
    );
    expect(bodyOf<Todo>(edited)).toMatchObject({ title: 'Edited since', version: 2 });

    const again = await importAs(owner, items);
    expect(again.existing).toBe(3);
    expect(await read(id, owner)).toEqual(bodyOf<Todo>(edited));
  });

  it('20 concurrent imports of one id: 1 created, 19 existing', async () => {
    const owner = 'concurrent-importers';
    const id = ulid();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => importAs(owner, [{ id, title: `Copy ${index}` }])),
    );
    expect(answers.filter((answer) => answer.created === 1)).toHaveLength(1);
    expect(answers.filter((answer) => answer.existing === 1)).toHaveLength(19);
    expect(await todosOf(owner)).toHaveLength(1);
  });

  it('200 races of an import sent twice against a PATCH made once the first answered: no confirmed PATCH lost', async () => {
    const owner = 'import-versus-patch';
    const trial = async (index: number) => {
      const item = { id: ulid(), title: `Race ${index}` };
      // The second attempt is a client's retry while the first may still run, a little later.
      const first = importAs(owner, [item]);
      const retry = new Promise((resolve) => setTimeout(resolve, index % 4)).then(() =>
        importAs(owner, [item]),
      );
      const patched = first.then(() =>
        updateTodo(todoEvent(item.id, { owner, method: 'PATCH', body: { title: `Patched ${index}` } })),
      );
      const [, , patch] = await Promise.all([first, retry, patched]);
      expect(patch.statusCode).toBe(200);
      return { id: item.id, confirmed: bodyOf<Todo>(patch) };
    };
    const outcomes: { id: string; confirmed: Todo }[] = [];
    for (let start = 0; start < 200; start += 20) {
      outcomes.push(...(await Promise.all(Array.from({ length: 20 }, (_, offset) => trial(start + offset)))));
    }
    const stored = new Map((await todosOf(owner)).map((todo) => [todo.id, todo]));
    expect(stored.size).toBe(200);
    const lost = outcomes.filter(({ id, confirmed }) => stored.get(id)?.title !== confirmed.title);
    expect(lost).toEqual([]);
  });

  it('creates one todo, from the first item, for an id given twice in one request', async () => {
    const owner = 'repeater';
    const id = ulid();
    const other = ulid();
    const answer = await importAs(owner, [
      { id, title: 'First' },
      { id: id.toLowerCase(), title: 'Second' },
      { id: other, title: 'Other' },
    ]);
    expect(answer).toMatchObject({ created: 2, existing: 1, rejected: 0 });
    expect(answer.results.map(({ id, status }) => [id, status])).toEqual([
      [id, 'created'],
      [id, 'existing'],
      [other, 'created'],
    ]);
    expect((await todosOf(owner)).map((todo) => [todo.id, todo.title])).toEqual([
      [id, 'First'],
      [other, 'Other'],
    ]);
  });

  it(`creates ${MAX_IMPORT_ITEMS} items with one range Query and one PutItem each, conditional on its absence`, async () => {
    const owner = 'bulk';
    const send = vi.spyOn(documentClient, 'send');
    const items = titled(MAX_IMPORT_ITEMS, 'Bulk');
    const answer = await importAs(owner, items);
    const commands = send.mock.calls.map(([command]) => command);
    send.mockRestore();

    expect(answer).toMatchObject({ created: MAX_IMPORT_ITEMS, existing: 0, rejected: 0 });
    expect(commands.filter((command) => command instanceof QueryCommand)).toHaveLength(1);
    expect(commands.filter((command) => command instanceof BatchGetCommand)).toHaveLength(0);
    const writes = commands.filter((command) => command instanceof PutCommand);
    expect(writes).toHaveLength(MAX_IMPORT_ITEMS);
    expect(new Set(writes.map((write) => write.input.ConditionExpression))).toEqual(
      new Set(['attribute_not_exists(pk) OR attribute_exists(#gone)']),
    );
    expect((await todosOf(owner)).map((todo) => todo.id)).toEqual(items.map((item) => item.id));
  });

  it(`answers 422 validation_failed for ${MAX_IMPORT_ITEMS + 1} items, or none, and creates nothing`, async () => {
    const owner = 'too-many';
    for (const items of [titled(MAX_IMPORT_ITEMS + 1, 'Over'), []]) {
      const result = await post(owner, { items });
      expect(result.statusCode).toBe(422);
      expect(bodyOf(result)).toMatchObject({ code: 'validation_failed', errors: [{ path: 'items' }] });
    }
    expect(await todosOf(owner)).toEqual([]);
  });

  it('takes a body larger than other routes take, and answers 413 payload_too_large over MAX_IMPORT_BODY_BYTES', async () => {
    const owner = 'heavy';
    const notes = 'n'.repeat(2000);
    const large = titled(20, 'Large').map((item) => ({ ...item, notes }));
    expect(JSON.stringify({ items: large }).length).toBeGreaterThan(MAX_BODY_BYTES);
    expect((await importAs(owner, large)).created).toBe(20);

    const tooLarge = { items: [{ title: 'Padded', notes: 'x'.repeat(MAX_IMPORT_BODY_BYTES) }] };
    const result = await post(owner, tooLarge);
    expect(result.statusCode).toBe(413);
    expect(bodyOf(result).code).toBe('payload_too_large');
    expect(await todosOf(owner)).toHaveLength(20);
  });

  it('answers 400 malformed_json for a body that is not JSON, and 415 for another media type', async () => {
    const broken = await post('sloppy', '{"items": [');
    expect(broken.statusCode).toBe(400);
    expect(bodyOf(broken).code).toBe('malformed_json');
    const body = JSON.stringify({ items: [{ title: 'a' }] });
    const text = await post('sloppy', body, { 'Content-Type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(headerOf(text, 'content-type')).toBe('application/problem+json');
    expect(bodyOf(text).code).toBe('unsupported_media_type');
    expect(await todosOf('sloppy')).toEqual([]);
  });

  it('keeps owners apart: the same ids imported by two owners are two todos, each its owner’s own', async () => {
    const alice = titled(3, 'Alice');
    const bob = alice.map(({ id }, index) => ({ id, title: `Bob ${index}` }));
    expect((await importAs('alice-import', alice)).created).toBe(3);
    expect((await importAs('bob-import', bob)).created).toBe(3);

    expect((await todosOf('alice-import')).map((todo) => todo.title)).toEqual(
      alice.map((item) => item.title),
    );
    expect((await todosOf('bob-import')).map((todo) => todo.title)).toEqual(bob.map((item) => item.title));
    expect(await read(alice[0]?.id ?? '', 'alice-import')).toMatchObject({ title: 'Alice 0' });
    expect(await read(alice[0]?.id ?? '', 'bob-import')).toMatchObject({ title: 'Bob 0' });
  });

  it('gives two owners importing items without ids different ids', async () => {
    const items = Array.from({ length: 20 }, (_, index) => ({ title: `Shared ${index}` }));
    const [carol, dave] = await Promise.all([
      importAs('carol-import', items),
      importAs('dave-import', items),
    ]);
    const ids = [...(carol?.results ?? []), ...(dave?.results ?? [])].map((result) => result.id);
    expect(new Set(ids).size).toBe(40);
    expect(await todosOf('carol-import')).toHaveLength(20);
    expect(await todosOf('dave-import')).toHaveLength(20);
  });
});
