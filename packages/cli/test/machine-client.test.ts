import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalStack, signInLocally, startLocalStack } from '@todolist/local/testing';
import { createClient } from '@todolist/sdk';
import { MAX_PAGE_SIZE } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import { type Env, runTodo } from './support/todo-user.js';

// A script on a server: no browser, no `todo login`, a machine client's id and secret in the
// environment. The gateway runs as `MACHINE_OWNER=ops@example.test npm start` would.

const OWNER = 'ops@example.test';
let stack: LocalStack;
let home: string;

beforeAll(async () => {
  [stack] = await Promise.all([
    startLocalStack({ dataDir: null, port: 0, throttle: null, machineOwner: OWNER }),
    ensureCliBuilt(),
  ]);
  home = await mkdtemp(join(tmpdir(), 'todo-machine-'));
}, 120_000);

afterAll(async () => {
  await stack?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

/** The server's environment: its own settings folder, the API, and the machine client. */
function serverEnv(extra: Env = {}): Env {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TODO_CONFIG_DIR: home,
    TODO_API_URL: stack.url,
    TODO_CLIENT_ID: stack.machineClient?.clientId,
    TODO_CLIENT_SECRET: stack.machineClient?.clientSecret,
    ...extra,
  };
}

/** The titles the owner sees when they sign in themselves. */
async function ownersTitles(): Promise<string[]> {
  const owner = await signInLocally(stack.url, OWNER, { clientId: 'todolist-cli' });
  const page = await createClient({ baseUrl: stack.url, auth: owner.accessToken }).todos.list({
    limit: MAX_PAGE_SIZE,
  });
  return page.items.map((todo) => todo.title);
}

describe('todo with TODO_CLIENT_ID and TODO_CLIENT_SECRET', () => {
  it("adds and imports into the owner's list, and writes no token to disk", async () => {
    const added = await runTodo(['add', 'Rotate the backups'], serverEnv());
    expect(added.code, added.stderr).toBe(0);
    await writeFile(
      join(home, 'nightly.csv'),
      'title,priority\nCheck the certificates,high\nPrune old logs,low\n',
    );
    const imported = await runTodo(['import', 'nightly.csv', '--json'], serverEnv(), { cwd: home });
    expect(imported.code, imported.stderr).toBe(0);

    expect((await ownersTitles()).sort()).toEqual([
      'Check the certificates',
      'Prune old logs',
      'Rotate the backups',
    ]);
    const onDisk = await readdir(join(home, 'tokens')).catch(() => []);
    expect(onDisk).toEqual([]);
  });

  it('says who it is: the machine client, from TODO_CLIENT_ID', async () => {
    const whoami = await runTodo(['whoami', '--json'], serverEnv());
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      sub: 'todolist-machine',
      email: null,
      source: 'TODO_CLIENT_ID',
      expiresAt: expect.any(String),
    });
  });

  it('todo auth token prints a client-credentials token the API takes, and keeps none on disk', async () => {
    const run = await runTodo(['auth', 'token'], serverEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const answer = await fetch(`${stack.url}/v1/todos`, {
      headers: { Authorization: `Bearer ${run.stdout.trim()}` },
    });
    expect(answer.status).toBe(200);
    expect(await readdir(join(home, 'tokens')).catch(() => [])).toEqual([]);
  });

  it('a refused secret is exit 4 with one line naming both variables', async () => {
    expectErrorLine(
      await runTodo(['list'], serverEnv({ TODO_CLIENT_SECRET: 'not-the-secret' })),
      4,
      /refused TODO_CLIENT_ID and TODO_CLIENT_SECRET: client authentication failed/,
    );
  });

  it('one variable without the other is exit 2, naming the missing one', async () => {
    expectErrorLine(
      await runTodo(['list'], serverEnv({ TODO_CLIENT_SECRET: undefined })),
      2,
      'TODO_CLIENT_SECRET is not set: a machine client needs both TODO_CLIENT_ID and TODO_CLIENT_SECRET',
    );
  });

  it('TODO_TOKEN wins over them', async () => {
    const someone = await signInLocally(stack.url, 'someone@example.test', { clientId: 'todolist-cli' });
    const added = await runTodo(
      ['add', 'Mine, not the owner’s'],
      serverEnv({ TODO_TOKEN: someone.accessToken }),
    );
    expect(added.code, added.stderr).toBe(0);
    expect(await ownersTitles()).not.toContain('Mine, not the owner’s');
  });
});
