import { randomUUID } from 'node:crypto';
import type { QuickAddCreated, QuickAddPreview, Todo, TodoPage } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { apiEvent, bodyOf, headerOf, type TestRequest } from '../../test/support/events.js';
import { todoEvent } from '../../test/support/todos.js';
import { lists, members } from '../container.js';
import { handler as getTodo } from './get-todo.js';
import { handler as listTodos } from './list-todos.js';
import { handler as quickAdd } from './quick-add-todo.js';

const ZONE = 'Europe/Paris';

const post = (body: unknown, request: TestRequest = {}) =>
  quickAdd(apiEvent({ method: 'POST', path: '/v1/todos/quick', body, ...request }));

const newOwner = () => `quick-${randomUUID()}`;

async function todosOf(owner: string): Promise<Todo[]> {
  return bodyOf<TodoPage>(await listTodos(apiEvent({ owner, query: { limit: '100' } }))).items;
}

/** A list `owner` of `name` shares with `member`, who has signed in. */
async function sharedList(owner: string, member: string, name: string) {
  const email = `${member}@example.test`;
  await members.recordSignIn(member, email);
  const list = await lists.create(owner, { name });
  await members.add(owner, list.id, email);
  return list;
}

describe('quickAddTodo', () => {
  it('answers 201 with the todo the text makes and how it was read, at its Location', async () => {
    const owner = newOwner();
    const result = await post(
      { text: 'Pay rent tomorrow p1 #home // by transfer', timeZone: ZONE },
      { owner },
    );
    expect(result.statusCode).toBe(201);
    const { todo, parse } = bodyOf<QuickAddCreated>(result);
    expect(todo).toMatchObject({
      title: 'Pay rent',
      priority: 'high',
      tags: ['home'],
      notes: 'by transfer',
      listId: 'inbox',
      version: 1,
    });
    expect(todo.dueDate).toBe(parse.due);
    expect(parse.taken.map(({ kind, text }) => `${kind}:${text}`)).toEqual([
      'due:tomorrow',
      'priority:p1',
      'tag:#home',
      'notes:// by transfer',
    ]);
    expect(headerOf(result, 'location')).toBe(`/v1/todos/${todo.id}`);
    expect(headerOf(result, 'etag')).toBe('"1"');
    expect(bodyOf(await getTodo(todoEvent(todo.id, { owner })))).toEqual(todo);
  });

  it('answers a dry run with the reading and the create it would make, and creates nothing', async () => {
    const owner = newOwner();
    const result = await post(
      { text: 'Call mom friday 5pm every week #family', timeZone: ZONE },
      { owner, query: { dryRun: 'true' } },
    );
    expect(result.statusCode).toBe(200);
    const preview = bodyOf<QuickAddPreview>(result);
    expect(preview.create).toEqual({
      title: 'Call mom',
      dueDate: preview.parse.due,
      dueTime: '17:00',
      recurrence: { rrule: 'FREQ=WEEKLY', fromCompletion: false, timeZone: ZONE },
      tags: ['family'],
      listId: 'inbox',
    });
    expect(preview.parse.dueTime).toBe('17:00');
    expect(preview.parse.recurrence).toMatchObject({ rrule: 'FREQ=WEEKLY', timeZone: ZONE });
    expect(await todosOf(owner)).toEqual([]);
  });

  it("puts the todo on the list its @name means, the caller's own or one shared with them, case aside", async () => {
    const owner = newOwner();
    const friend = newOwner();
    const own = await lists.create(owner, { name: 'Groceries' });
    const shared = await sharedList(friend, owner, 'Big shop');
    const mine = bodyOf<QuickAddCreated>(await post({ text: 'Milk @groceries', timeZone: ZONE }, { owner }));
    expect(mine.todo).toMatchObject({ title: 'Milk', listId: own.id });
    expect(mine.parse.list).toBe('groceries');
    const theirs = bodyOf<QuickAddCreated>(
      await post({ text: 'Cake @"big shop" saturday', timeZone: ZONE }, { owner }),
    );
    expect(theirs.todo).toMatchObject({ title: 'Cake', listId: shared.id, createdBy: owner });
    expect((await todosOf(friend)).map((todo) => todo.title)).toEqual(['Cake']);
  });

  it('leaves an @name that fits no list in the title, on the default list, and says which name', async () => {
    const owner = newOwner();
    const fallback = await lists.create(owner, { name: 'Errands' });
    const result = await post(
      { text: 'Pay rent @flat p1 // by transfer', timeZone: ZONE, listId: fallback.id },
      { owner },
    );
    expect(result.statusCode).toBe(201);
    const { todo, parse, unknownList } = bodyOf<QuickAddCreated>(result);
    expect(todo).toMatchObject({ title: 'Pay rent @flat', priority: 'high', listId: fallback.id });
    expect(unknownList).toBe('flat');
    expect(parse.list).toBeUndefined();
    expect(parse.taken.map((piece) => piece.kind)).toEqual(['priority', 'notes']);
  });

  it('answers 404 list_not_found for a listId the caller cannot see, dry run or not, creating nothing', async () => {
    const owner = newOwner();
    const other = await lists.create(newOwner(), { name: 'Not yours' });
    for (const query of [{}, { dryRun: 'true' }] as Record<string, string>[]) {
      const result = await post({ text: 'Milk', timeZone: ZONE, listId: other.id }, { owner, query });
      expect(result.statusCode).toBe(404);
      expect(bodyOf(result).code).toBe('list_not_found');
    }
    expect(await todosOf(owner)).toEqual([]);
  });

  it('makes one todo for an Idempotency-Key sent 5 times, answering the first todo and its reading each time', async () => {
    const owner = newOwner();
    const headers = { 'Idempotency-Key': randomUUID() };
    const body = { text: 'Water plants tomorrow #home', timeZone: ZONE };
    const first = await post(body, { owner, headers });
    expect(first.statusCode).toBe(201);
    const replays = await Promise.all(Array.from({ length: 5 }, () => post(body, { owner, headers })));
    for (const replay of replays) {
      expect(replay.statusCode).toBe(201);
      expect(bodyOf(replay)).toEqual(bodyOf(first));
      expect(headerOf(replay, 'idempotent-replayed')).toBe('true');
    }
    const other = await post({ ...body, text: 'Water plants friday' }, { owner, headers });
    expect(other.statusCode).toBe(422);
    expect(bodyOf(other).code).toBe('idempotency_key_reused');
    expect(await todosOf(owner)).toHaveLength(1);
  });

  it.each([
    ['a time zone that is not one', { text: 'Milk', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an offset for a time zone', { text: 'Milk', timeZone: '+01:00' }, 'timeZone'],
    ['no time zone', { text: 'Milk' }, 'timeZone'],
    ['a blank text', { text: '   ', timeZone: ZONE }, 'text'],
    ['a text whose title is over 200 characters', { text: `${'x'.repeat(201)} p1`, timeZone: ZONE }, 'text'],
    ['an unknown field', { text: 'Milk', timeZone: ZONE, title: 'Milk' }, 'title'],
  ])('answers 422 validation_failed naming the field for %s, creating nothing', async (_case, body, path) => {
    const owner = newOwner();
    const result = await post(body, { owner });
    expect(result.statusCode).toBe(422);
    expect(headerOf(result, 'content-type')).toBe('application/problem+json');
    const problem = bodyOf<{ code: string; errors: { path: string; message: string }[] }>(result);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error) => error.path)).toContain(path);
    expect(await todosOf(owner)).toEqual([]);
  });

  it('answers 400 invalid_query for a dryRun that is neither true nor false', async () => {
    const result = await post({ text: 'Milk', timeZone: ZONE }, { query: { dryRun: 'yes' } });
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).code).toBe('invalid_query');
  });
});
