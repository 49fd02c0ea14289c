import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Todo, TodoPage } from '@todolist/sdk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError } from '../src/data/data-lock.js';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';

let dataDir: string;
const opened = new Set<LocalStack>();

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-data-'));
});

afterEach(async () => {
  signIns.clear();
  await Promise.all([...opened].map((stack) => stack.close().catch(() => undefined)));
  opened.clear();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts a stack on the test's data folder, as `npm start` would; closed after the test. */
async function start(): Promise<LocalStack> {
  const stack = await startLocalStack({ dataDir, port: 0 });
  opened.add(stack);
  return stack;
}

async function close(stack: LocalStack): Promise<void> {
  opened.delete(stack);
  await stack.close();
}

// One sign-in per gateway, cleared after each test: a later gateway may reuse a port with another key.
const signIns = new Map<string, Promise<{ authorization: string }>>();

/**
 * The same person's `Authorization` header on this stack: signed in afresh on each start, since
 * the issuer names the port. The subject, and so the todos, outlive the restart.
 */
function signedIn(stack: LocalStack): Promise<{ authorization: string }> {
  let signIn = signIns.get(stack.url);
  if (!signIn) {
    signIn = signInLocally(stack.url, 'keeper@example.test').then(({ accessToken }) => ({
      authorization: `Bearer ${accessToken}`,
    }));
    signIns.set(stack.url, signIn);
  }
  return signIn;
}

async function create(stack: LocalStack, title: string): Promise<Todo> {
  const response = await fetch(`${stack.url}/v1/todos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signedIn(stack)) },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Todo;
}

async function list(stack: LocalStack, query: string): Promise<TodoPage> {
  const response = await fetch(`${stack.url}/v1/todos?${query}`, { headers: await signedIn(stack) });
  expect(response.status).toBe(200);
  return (await response.json()) as TodoPage;
}

/** The pid of a process that has already ended. */
async function pidOfEndedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('the process did not start');
  return child.pid;
}

describe('a local stack with a data folder', () => {
  it('still has its todos after a restart on the same folder, and a cursor from before the restart still pages on', async () => {
    const before = await start();
    const todos = [
      await create(before, 'First'),
      await create(before, 'Second'),
      await create(before, 'Third'),
    ];
    const firstPage = await list(before, 'limit=2');
    expect(firstPage.items.map((todo) => todo.id)).toEqual([todos[0]?.id, todos[1]?.id]);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    await close(before);

    const after = await start();
    for (const todo of todos) {
      const response = await fetch(`${after.url}/v1/todos/${todo.id}`, { headers: await signedIn(after) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(todo);
    }
    const nextPage = await list(after, `limit=2&cursor=${encodeURIComponent(firstPage.nextCursor ?? '')}`);
    expect(nextPage).toEqual({ items: [todos[2]], nextCursor: null });
  });

  it('signs nobody out on a restart: a refresh token from before it still refreshes, a revoked one does not, and the folder holds no token', async () => {
    const before = await start();
    const [kept, revoked] = await Promise.all([
      signInLocally(before.url, 'stays@example.test'),
      signInLocally(before.url, 'leaves@example.test'),
    ]);
    const revocation = await fetch(`${before.url}/oauth2/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: revoked.refreshToken, client_id: 'todolist-web' }),
    });
    expect(revocation.status).toBe(200);
    await close(before);

    const after = await start();
    const refresh = (refreshToken: string) =>
      fetch(`${after.url}/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: 'todolist-web',
          refresh_token: refreshToken,
        }),
      });
    const [refreshed, refused] = await Promise.all([
      refresh(kept.refreshToken),
      refresh(revoked.refreshToken),
    ]);
    expect(refreshed.status).toBe(200);
    const { access_token } = (await refreshed.json()) as { access_token: string };
    const todos = await fetch(`${after.url}/v1/todos`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(todos.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    const saved = await readFile(join(dataDir, 'auth-refresh-tokens.json'), 'utf8');
    expect(saved).not.toContain(kept.refreshToken);
    expect(saved).toContain('stays@example.test');
  });

  it('refuses a second stack on a folder in use with DataFolderInUseError naming the folder, and the first keeps serving', async () => {
    const first = await start();
    const todo = await create(first, 'Mine');

    const second = startLocalStack({ dataDir, port: 0 });
    second.then((stack) => opened.add(stack)).catch(() => undefined);
    const error = await second.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DataFolderInUseError);
    expect((error as Error).message).toContain(dataDir);

    expect((await list(first, 'limit=10')).items).toEqual([todo]);
    await close(first);
    const third = await start();
    expect((await list(third, 'limit=10')).items).toEqual([todo]);
  });

  it('starts on a folder whose gateway.pid was left by a process that has ended', async () => {
    await writeFile(join(dataDir, 'gateway.pid'), String(await pidOfEndedProcess()));

    const stack = await start();
    expect((await list(stack, 'limit=10')).items).toEqual([]);
    expect(await readFile(join(dataDir, 'gateway.pid'), 'utf8')).toBe(String(process.pid));
  });
});

describe('two stacks in one process', () => {
  it('each run handlers of their own, bound to their own database, as two Lambda containers', async () => {
    const first = await startLocalStack({ dataDir: null, port: 0 });
    const second = await startLocalStack({ dataDir: null, port: 0 });
    opened.add(first).add(second);
    const todo = await create(first, 'Only in the first');
    expect((await list(first, 'limit=10')).items.map((item) => item.id)).toEqual([todo.id]);
    expect((await list(second, 'limit=10')).items).toEqual([]);
  });
});
