import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killSpawned, type SpawnedNode, spawnNode } from '@todolist/bench-kit/spawned-node';
import type { Todo, TodoPage } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { ensureBuilt, gatewayBundle } from './support/built-dist.js';
import { findFreePort } from './support/free-port.js';

// The promise of `Idempotency-Key`: the same key and body never create twice, even when the
// gateway dies (SIGKILL) with creates in flight and every unanswered one is sent again after
// the restart, as a client that never heard back does.

const CREATES = 200;

let dataDir: string;

beforeAll(ensureBuilt, 180_000);
afterAll(async () => {
  await killSpawned();
});

async function startGateway(port: number): Promise<SpawnedNode> {
  const gateway = spawnNode([gatewayBundle], {
    env: { HOME: tmpdir(), PORT: String(port), TODOLIST_DATA_DIR: dataDir, THROTTLE_RATE_LIMIT: '0' },
    cwd: dataDir,
  });
  await gateway.waitForStdout(`todolist is running at http://localhost:${port}`, 30_000);
  return gateway;
}

interface KeyedCreate {
  key: string;
  title: string;
}

/** Sends one keyed create; answers the todo, or undefined when no answer came (the gateway died). */
async function send(
  api: string,
  authorization: string,
  create: KeyedCreate,
): Promise<(Todo & { replayed: boolean }) | undefined> {
  for (;;) {
    let response: Response;
    try {
      response = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': create.key, authorization },
        body: JSON.stringify({ title: create.title, tags: ['crash'] }),
      });
    } catch {
      return undefined;
    }
    // A server that still says "in progress" is waited out, as the SDK does: the create must
    // come out exactly once whatever the server answers meanwhile.
    if (response.status === 409) {
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    expect(response.status, await response.clone().text()).toBe(201);
    const todo = (await response.json()) as Todo;
    return { ...todo, replayed: response.headers.get('idempotent-replayed') === 'true' };
  }
}

async function everyTodo(api: string, authorization: string): Promise<Todo[]> {
  const todos: Todo[] = [];
  let cursor: string | null = null;
  do {
    const url = `${api}?status=all&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(url, { headers: { authorization } });
    const page = (await response.json()) as TodoPage;
    todos.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return todos;
}

describe('keyed creates across a crash', () => {
  it.each([
    [1, 20],
    [2, 80],
    [3, 150],
  ])(
    'run %i: SIGKILL after %i answers, resend the rest after a restart: 0 duplicates, 0 acknowledged creates missing',
    async (run, killAfter) => {
      dataDir = await mkdtemp(join(tmpdir(), 'todolist-crash-keys-'));
      try {
        const port = await findFreePort();
        let gateway = await startGateway(port);
        const origin = `http://127.0.0.1:${port}`;
        const api = `${origin}/v1/todos`;
        // The signing key lives in the data folder, so the token outlives the restart.
        const authorization = `Bearer ${(await signInLocally(origin, `crash-${run}@example.test`)).accessToken}`;
        const creates = Array.from({ length: CREATES }, (_, index) => ({
          key: `run-${run}-create-${index}`,
          title: `Create ${index} of run ${run}`,
        }));

        let answered = 0;
        const killed = gateway.exited;
        const first = await Promise.all(
          creates.map(async (create) => {
            const todo = await send(api, authorization, create);
            if (todo && ++answered === killAfter) gateway.child.kill('SIGKILL');
            return todo;
          }),
        );
        await killed;
        const acknowledged = first.filter((todo) => todo !== undefined);
        expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
        expect(acknowledged.length).toBeLessThan(CREATES);

        gateway = await startGateway(port);
        const resent = await Promise.all(
          creates.map((create, index) => (first[index] ? first[index] : send(api, authorization, create))),
        );

        const stored = await everyTodo(api, authorization);
        const titles = stored.map((todo) => todo.title);
        expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
        expect(stored).toHaveLength(CREATES);
        const storedIds = new Set(stored.map((todo) => todo.id));
        expect(acknowledged.filter((todo) => !storedIds.has(todo.id))).toEqual([]);
        // Each resend is answered with the todo its key made, whichever execution wrote it.
        expect(resent.map((todo) => todo?.title)).toEqual(creates.map((create) => create.title));
        expect(new Set(resent.map((todo) => todo?.id)).size).toBe(CREATES);
        expect(resent.every((todo) => todo && storedIds.has(todo.id))).toBe(true);
        // The crash came between a request's first write and its answer for some: their resend
        // found the key claimed before the crash (else this run proved nothing about the window).
        const resends = resent.filter((_, index) => !first[index]);
        expect(resends.filter((todo) => todo?.replayed === true).length).toBeGreaterThan(0);
        gateway.child.kill('SIGINT');
        await gateway.exited;
      } finally {
        await killSpawned();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
