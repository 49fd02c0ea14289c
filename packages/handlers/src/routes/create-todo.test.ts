import { MAX_BODY_BYTES } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { apiEvent, bodyOf, headerOf } from '../../test/support/events.js';
import { todoEvent } from '../../test/support/todos.js';
import { handler as createTodo } from './create-todo.js';
import { handler as getTodo } from './get-todo.js';
import { handler as listTodos } from './list-todos.js';

const post = (body: unknown, request: Parameters<typeof apiEvent>[0] = {}) => {
  return createTodo(apiEvent({ method: 'POST', body, ...request }));
};

async function countTodos(owner: string): Promise<number> {
  const result = await listTodos(apiEvent({ owner, query: { limit: '100' } }));
  return bodyOf<{ items: unknown[] }>(result).items.length;
}

describe('createTodo', () => {
  it('answers 201 with the todo, its Location and ETag, and the defaults filled in', async () => {
    const result = await post({ title: '  Buy milk  ' });
    expect(result.statusCode).toBe(201);
    const todo = bodyOf<{ id: string }>(result);
    expect(todo).toMatchObject({
      title: 'Buy milk',
      notes: null,
      completed: false,
      completedAt: null,
      dueDate: null,
      priority: 'normal',
      tags: [],
      version: 1,
    });
    expect(headerOf(result, 'location')).toBe(`/v1/todos/${todo.id}`);
    expect(headerOf(result, 'etag')).toBe('"1"');
    expect((await getTodo(todoEvent(todo.id))).statusCode).toBe(200);
  });

  it('keeps every field given, and stamps completedAt when created completed', async () => {
    const input = {
      title: 'File taxes',
      notes: 'Form 1040',
      dueDate: '2027-04-15',
      priority: 'high',
      tags: ['money'],
      completed: true,
    };
    const todo = bodyOf(await post(input));
    expect(todo).toMatchObject({ ...input, version: 1 });
    expect(todo.completedAt).toBe(todo.createdAt);
  });

  it.each([
    ['a missing title', {}, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['an unknown field', { title: 'a', colour: 'red' }, 'colour'],
    ['a title of the wrong type', { title: 42 }, 'title'],
    ['an impossible date', { title: 'a', dueDate: '2026-02-30' }, 'dueDate'],
    [
      'notes holding a terminal escape sequence',
      { title: 'a', notes: 'x\u001b]0;pwned\u0007\u001b[2J' },
      'notes',
    ],
    ['a body that is an array', [{ title: 'a' }], ''],
  ])('answers 422 validation_failed naming the field for %s', async (_case, body, path) => {
    const result = await post(body);
    expect(result.statusCode).toBe(422);
    expect(headerOf(result, 'content-type')).toBe('application/problem+json');
    const problem = bodyOf<{ code: string; errors: { path: string }[]; requestId: string }>(result);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toContain(path);
    expect(problem.requestId).toBeTruthy();
  });

  it('answers 400 malformed_json for a body that is not JSON, and 415 for another media type', async () => {
    const broken = await post('{"title": "a"', {});
    expect(broken.statusCode).toBe(400);
    expect(bodyOf(broken).code).toBe('malformed_json');
    const form = await post('title=a', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    expect(bodyOf(form).code).toBe('unsupported_media_type');
  });

  it('answers 413 payload_too_large for a body over the limit, before reading it', async () => {
    const result = await post({ title: 'a', notes: 'x'.repeat(MAX_BODY_BYTES) });
    expect(result.statusCode).toBe(413);
    expect(bodyOf(result).code).toBe('payload_too_large');
  });

  it('creates one todo when the same Idempotency-Key is replayed 10 times, answering the first todo each time', async () => {
    const owner = 'replayer';
    const headers = { 'Idempotency-Key': 'a7c1e0b4-4a7e-4d55-9a55-6a1f0c2e9f10' };
    const first = await post({ title: 'Once only' }, { owner, headers });
    expect(first.statusCode).toBe(201);
    const replays = await Promise.all(
      Array.from({ length: 10 }, () => post({ title: 'Once only' }, { owner, headers })),
    );
    for (const replay of replays) {
      expect(replay.statusCode).toBe(201);
      expect(bodyOf(replay)).toEqual(bodyOf(first));
      expect(headerOf(replay, 'idempotent-replayed')).toBe('true');
    }
    expect(await countTodos(owner)).toBe(1);
  });

  it('refuses the same Idempotency-Key with a different body, creating nothing', async () => {
    const owner = 'key-reuser';
    const headers = { 'idempotency-key': 'key-1' };
    expect((await post({ title: 'First' }, { owner, headers })).statusCode).toBe(201);
    const reused = await post({ title: 'Second' }, { owner, headers });
    expect(reused.statusCode).toBe(422);
    expect(bodyOf(reused).code).toBe('idempotency_key_reused');
    expect(await countTodos(owner)).toBe(1);
  });

  it('scopes Idempotency-Key to the owner: two people using one key each get their own todo', async () => {
    const headers = { 'Idempotency-Key': 'shared-key' };
    const alice = bodyOf(await post({ title: 'Same' }, { owner: 'alice-idem', headers }));
    const bob = bodyOf(await post({ title: 'Same' }, { owner: 'bob-idem', headers }));
    expect(alice.id).not.toBe(bob.id);
  });

  it('answers 400 invalid_header for an Idempotency-Key with spaces', async () => {
    const result = await post({ title: 'a' }, { headers: { 'Idempotency-Key': 'has spaces' } });
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).code).toBe('invalid_header');
  });

  it('answers CORS headers to an allowed origin only', async () => {
    const allowed = await post({ title: 'a' }, { headers: { Origin: 'https://app.todolist.test' } });
    expect(headerOf(allowed, 'access-control-allow-origin')).toBe('https://app.todolist.test');
    const other = await post({ title: 'a' }, { headers: { Origin: 'https://evil.test' } });
    expect(headerOf(other, 'access-control-allow-origin')).toBeUndefined();
  });
});
