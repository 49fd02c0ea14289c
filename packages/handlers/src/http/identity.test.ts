import { describe, expect, it } from 'vitest';
import { apiEvent, bodyOf, headerOf } from '../../test/support/events.js';
import { handler as createTodo } from '../routes/create-todo.js';
import { handler as listTodos } from '../routes/list-todos.js';

// The environment (test/support/handler-env.ts) maps the machine client `machine-client` to
// the owner `owner-of-imports`, as MACHINE_OWNERS does in the deployed functions.
const MACHINE = 'machine-client';

const create = (title: string, request: Parameters<typeof apiEvent>[0]) =>
  createTodo(apiEvent({ method: 'POST', body: { title }, ...request }));

async function titlesOf(owner: string): Promise<string[]> {
  const result = await listTodos(apiEvent({ owner, query: { limit: '100' } }));
  return bodyOf<{ items: { title: string }[] }>(result).items.map((todo) => todo.title);
}

describe('who owns a request', () => {
  it('a request that reaches a function with no identity is a 401, and nothing is written', async () => {
    const result = await create('From nobody', { owner: null });
    expect(result.statusCode).toBe(401);
    expect(headerOf(result, 'content-type')).toBe('application/problem+json');
    expect(headerOf(result, 'www-authenticate')).toBe('Bearer');
    expect(bodyOf(result)).toMatchObject({ code: 'unauthorized', detail: expect.stringMatching(/sign in/) });
    expect((await listTodos(apiEvent({ owner: null }))).statusCode).toBe(401);
  });

  it("a client-credentials token of a machine client in MACHINE_OWNERS acts for that client's owner", async () => {
    const result = await create('Imported by the server', { owner: MACHINE, claims: { client_id: MACHINE } });
    expect(result.statusCode).toBe(201);
    expect(await titlesOf('owner-of-imports')).toContain('Imported by the server');
    expect(await titlesOf(MACHINE)).toEqual([]);
  });

  it("a token naming a user is never a machine's, even with the machine client's id as its sub", async () => {
    // Cognito never issues this (a user's sub is a UUID); it pins the rule that only a token
    // with no user can act for MACHINE_OWNERS' owner.
    const claims = { client_id: MACHINE, username: 'mallory' };
    expect((await create('Not for the owner', { owner: MACHINE, claims })).statusCode).toBe(201);
    expect(await titlesOf(MACHINE)).toEqual(['Not for the owner']);
    expect(await titlesOf('owner-of-imports')).not.toContain('Not for the owner');
  });

  it("a person's token from another client keeps its own subject", async () => {
    const claims = { client_id: 'todolist-cli', username: 'ada-sub' };
    expect((await create('Ada’s own', { owner: 'ada-sub', claims })).statusCode).toBe(201);
    expect(await titlesOf('ada-sub')).toEqual(['Ada’s own']);
  });

  it('a machine client that MACHINE_OWNERS does not name owns a list of its own', async () => {
    const claims = { client_id: 'other-machine' };
    expect((await create('Its own', { owner: 'other-machine', claims })).statusCode).toBe(201);
    expect(await titlesOf('other-machine')).toEqual(['Its own']);
  });
});
