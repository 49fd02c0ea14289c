// A client built before lists (the SDK of V1_COMMIT) against today's API: every request that
// worked before works unchanged and answers what that client expects. Its todos land in the
// Inbox; listing everything still lists them.
import { signInLocally } from '@todolist/local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';
import { importV1Sdk } from './support/v1-sdk.js';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let v1: Awaited<ReturnType<typeof importV1Sdk>>;
let token: string;

beforeAll(async () => {
  [gateway, v1] = await Promise.all([startTestGateway(), importV1Sdk()]);
  token = (await signInLocally(gateway.url, 'v1@example.com')).accessToken;
}, 120_000);

afterAll(async () => {
  await gateway?.close();
});

describe('a v1 client (the SDK from before lists)', () => {
  it('creates, reads, changes, lists, imports and deletes as before', async () => {
    const client = v1.createClient({ baseUrl: gateway.url, auth: token });
    const made = await client.todos.create({ title: 'Old habits', tags: ['v1'], dueDate: '2027-01-02' });
    expect(made).toMatchObject({ title: 'Old habits', tags: ['v1'], dueDate: '2027-01-02', version: 1 });
    expect(await client.todos.get(made.id)).toEqual(made);
    const changed = await client.todos.update(made.id, { priority: 'high' }, { ifMatch: made.version });
    expect(changed).toMatchObject({ priority: 'high', version: 2 });
    const stale = await client.todos
      .update(made.id, { title: 'x' }, { ifMatch: 1 })
      .catch((error: unknown) => error);
    expect(v1.isPreconditionFailedError(stale)).toBe(true);
    const imported = await client.todos.importMany([{ title: 'One' }, { title: 'Two' }], {
      importId: 'v1-import',
    });
    expect(imported).toMatchObject({ created: 2, existing: 0, rejected: [] });
    const titles: string[] = [];
    for await (const todo of client.todos.iterate({ tag: undefined })) titles.push(todo.title);
    expect(titles).toEqual(['Old habits', 'One', 'Two']);
    expect((await client.todos.list({ status: 'open', limit: 2 })).nextCursor).not.toBeNull();
    await client.todos.delete(made.id);
    expect(v1.isNotFoundError(await client.todos.get(made.id).catch((error: unknown) => error))).toBe(true);
  });

  it('sees the same todos a new client does, in the Inbox', async () => {
    const { createClient } = await import('@todolist/sdk');
    const today = createClient({ baseUrl: gateway.url, auth: token });
    const old = v1.createClient({ baseUrl: gateway.url, auth: token });
    const made = await old.todos.create({ title: 'Seen by both' });
    expect(await today.todos.get(made.id)).toMatchObject({ ...made, listId: 'inbox' });
  });
});
