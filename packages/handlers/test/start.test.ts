import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Todo, TodoPage } from '@todolist/sdk/contract';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt, gatewayBundle } from './support/built-dist.js';
import { findFreePort } from './support/free-port.js';
import { killSpawned, type SpawnedNode, spawnNode } from './support/spawned-node.js';

// `npm start` as a user runs it: the built gateway in its own process, configured by the environment.

let dataDir: string;

beforeAll(ensureBuilt, 180_000);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-start-'));
});

afterEach(async () => {
  await killSpawned();
  await rm(dataDir, { recursive: true, force: true });
});

function startGateway(port: number | string): SpawnedNode {
  return spawnNode([gatewayBundle], {
    env: { HOME: tmpdir(), PORT: String(port), TODOLIST_DATA_DIR: dataDir },
    cwd: dataDir,
  });
}

/** Starts the gateway on a free port and waits until it says it is running. */
async function startRunning(): Promise<{ gateway: SpawnedNode; api: string }> {
  const port = await findFreePort();
  const gateway = startGateway(port);
  await gateway.waitForStdout(`todolist is running at http://localhost:${port}`);
  return { gateway, api: `http://127.0.0.1:${port}/v1/todos` };
}

async function stop(gateway: SpawnedNode) {
  gateway.child.kill('SIGINT');
  return gateway.exited;
}

async function createTodo(api: string, title: string): Promise<Todo> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Todo;
}

async function listTodos(api: string): Promise<Todo[]> {
  const response = await fetch(api);
  expect(response.status).toBe(200);
  return ((await response.json()) as TodoPage).items;
}

/** stderr as a user reads it: its lines, without the trailing newline. */
const stderrLines = (gateway: SpawnedNode) => gateway.stderr().trimEnd().split('\n');

describe('npm start (dist/local/main.mjs)', () => {
  it('says where it runs, answers the API there, and on Ctrl-C prints "stopped" and exits 0', async () => {
    const { gateway, api } = await startRunning();
    const todo = await createTodo(api, 'Try the local gateway');
    expect(await listTodos(api)).toEqual([todo]);

    const exit = await stop(gateway);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(gateway.stdout()).toContain('stopped');
    expect(gateway.stderr()).toBe('');
  });

  it('has the todos again after a restart on the same data folder', async () => {
    const first = await startRunning();
    const todo = await createTodo(first.api, 'Survive a restart');
    expect((await stop(first.gateway)).code).toBe(0);

    const second = await startRunning();
    expect(await listTodos(second.api)).toEqual([todo]);
  });

  it('refuses a second gateway on the same data folder: exit 1 and one line naming the running pid', async () => {
    const { gateway: running, api } = await startRunning();

    const second = startGateway(await findFreePort());
    expect((await second.exited).code).toBe(1);
    const lines = stderrLines(second);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`pid ${running.child.pid}`);
    expect(lines[0]).toContain(dataDir);
    expect(second.stderr()).not.toMatch(/^\s+at /m);
    expect(await listTodos(api)).toEqual([]);
  });

  it('exits 1 with a one-line message mentioning PORT when the port is already in use', async () => {
    const port = await findFreePort();
    const occupant: Server = createServer();
    await new Promise<void>((resolve) => occupant.listen(port, '127.0.0.1', resolve));
    try {
      const gateway = startGateway(port);
      expect((await gateway.exited).code).toBe(1);
      const lines = stderrLines(gateway);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(String(port));
      expect(lines[0]).toContain('PORT');
    } finally {
      await new Promise((resolve) => occupant.close(resolve));
    }
  });

  it('exits 1 with a clear message when PORT is not a number', async () => {
    const gateway = startGateway('abc');
    expect((await gateway.exited).code).toBe(1);
    expect(stderrLines(gateway)).toEqual([expect.stringMatching(/PORT must be a port number.*"abc"/)]);
    expect(gateway.stdout()).toBe('');
  });
});
