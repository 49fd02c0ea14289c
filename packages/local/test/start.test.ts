import { chmod, lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killSpawned, type SpawnedNode, spawnNode } from '@todolist/bench-kit/spawned-node';
import type { Todo, TodoPage } from '@todolist/sdk/contract';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../src/data/data-folder.js';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { ensureBuilt, gatewayBundle } from './support/built-dist.js';
import { findFreePort } from './support/free-port.js';

// `npm start` as a user runs it: the built gateway in its own process, configured by the environment.

let dataDir: string;

beforeAll(ensureBuilt, 180_000);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-start-'));
});

afterEach(async () => {
  signIns.clear();
  await killSpawned();
  await rm(dataDir, { recursive: true, force: true });
});

function startGateway(port: number | string, env: Record<string, string> = {}): SpawnedNode {
  return spawnNode([gatewayBundle], {
    env: { HOME: tmpdir(), PORT: String(port), TODOLIST_DATA_DIR: dataDir, ...env },
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

// One sign-in per gateway, cleared after each test: a later gateway may reuse a port with another key.
const signIns = new Map<string, Promise<{ authorization: string }>>();

/** A person's `Authorization` header at this gateway, signed in through its sign-in page. */
function signedIn(api: string): Promise<{ authorization: string }> {
  const origin = new URL(api).origin;
  let signIn = signIns.get(origin);
  if (!signIn) {
    signIn = signInLocally(origin, 'starter@example.test').then(({ accessToken }) => ({
      authorization: `Bearer ${accessToken}`,
    }));
    signIns.set(origin, signIn);
  }
  return signIn;
}

async function createTodo(api: string, title: string): Promise<Todo> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signedIn(api)) },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Todo;
}

async function listTodos(api: string): Promise<Todo[]> {
  const response = await fetch(api, { headers: await signedIn(api) });
  expect(response.status).toBe(200);
  return ((await response.json()) as TodoPage).items;
}

/** The distinct modes of the folders and files under `dir`, itself included, and how many entries there are. */
async function modesIn(dir: string): Promise<{ folders: number[]; files: number[]; count?: number }> {
  const folders = new Set<number>();
  const files = new Set<number>();
  let count = 0;
  const walk = async (path: string) => {
    const info = await lstat(path);
    count++;
    (info.isDirectory() ? folders : files).add(info.mode & 0o777);
    if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(dir);
  const result = { folders: [...folders], files: [...files] };
  return Object.defineProperty(result, 'count', { value: count, enumerable: false });
}

/** stderr as a user reads it: its lines, without the trailing newline. */
const stderrLines = (gateway: SpawnedNode) => gateway.stderr().trimEnd().split('\n');

describe('npm start (packages/local/dist/main.mjs)', () => {
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

  it("keeps the data folder its owner's alone: folders 0700 and files 0600, also after a restart, and a secret once readable by others is reported", async () => {
    // As an older version left it: the folder 0755 and a secret 0644.
    await chmod(dataDir, 0o755);
    await writeFile(join(dataDir, DATA_FILES.cursorKey), 'an-old-cursor-key', { mode: 0o644 });
    await chmod(join(dataDir, DATA_FILES.cursorKey), 0o644);
    const first = await startRunning();
    await createTodo(first.api, 'Private');
    expect(first.gateway.stderr()).toContain(
      `todolist: warning: ${join(dataDir, DATA_FILES.cursorKey)} was readable by other users (mode 0644)`,
    );
    expect(await modesIn(dataDir)).toEqual({ folders: [0o700], files: [0o600] });
    expect((await stop(first.gateway)).code).toBe(0);

    const second = await startRunning();
    await createTodo(second.api, 'Still private');
    expect(second.gateway.stderr()).toBe('');
    const modes = await modesIn(dataDir);
    expect(modes).toEqual({ folders: [0o700], files: [0o600] });
    // The walk saw dynalite's own files too, not only the gateway's.
    expect(modes.count).toBeGreaterThan(5);
  });

  it("serves the repository's page and nothing else of site/: its package.json, README, tests and dotfiles are 404", async () => {
    const { api } = await startRunning();
    const origin = new URL(api).origin;
    const status = async (path: string) => (await fetch(`${origin}${path}`)).status;
    expect(await status('/')).toBe(200);
    expect(await status('/js/app.js')).toBe(200);
    expect(await status('/css/app.css')).toBe(200);
    for (const path of [
      '/package.json',
      '/README.md',
      '/test/todomvc.test.ts',
      '/page.json',
      '/tsconfig.json',
      '/.turbo/',
    ])
      expect(await status(path), path).toBe(404);
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

  it('with MACHINE_OWNER, says which client acts for whom and where its secret is; a token of it writes to that list', async () => {
    const port = await findFreePort();
    const gateway = startGateway(port, { MACHINE_OWNER: 'starter@example.test' });
    await gateway.waitForStdout('Press Ctrl-C');
    const line = gateway
      .stdout()
      .split('\n')
      .find((text) => text.trimStart().startsWith('machine'));
    const secretFile = join(dataDir, 'machine-client-secret');
    expect(line).toMatch(
      new RegExp(`client todolist-machine acts for [0-9a-f-]{36}; its secret is in ${secretFile}`),
    );

    const base = `http://127.0.0.1:${port}`;
    const secret = (await readFile(secretFile, 'utf8')).trim();
    const tokenAnswer = await fetch(`${base}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`todolist-machine:${secret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const { access_token } = (await tokenAnswer.json()) as { access_token: string };
    const created = await fetch(`${base}/v1/todos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Filed by a script' }),
    });
    expect(created.status).toBe(201);
    expect((await listTodos(`${base}/v1/todos`)).map((todo) => todo.title)).toEqual(['Filed by a script']);
  });

  it('exits 1 with a clear message when PORT is not a number', async () => {
    const gateway = startGateway('abc');
    expect((await gateway.exited).code).toBe(1);
    expect(stderrLines(gateway)).toEqual([expect.stringMatching(/PORT must be a port number.*"abc"/)]);
    expect(gateway.stdout()).toBe('');
  });
});
