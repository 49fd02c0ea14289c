import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFeedExpiringProxy } from './support/dropping-proxy.js';
import { expectErrorLine } from './support/error-line.js';
import {
  ensureGatewayBuilt,
  type GatewayProcess,
  startGatewayProcess,
  stopGatewayProcesses,
} from './support/gateway-process.js';
import { type RunningTodo, startTodo, stopTodoRuns } from './support/running-todo.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo watch`, the built binary against the local API: each change made by another command
// (or another person) comes as one line on stdout, or one JSON object with --json; Ctrl-C ends it
// with exit 130 and nothing more said; a gateway killed and restarted under it loses nothing.

const api = useLocalApi();
/** Generous: a change takes a poke and a read to come, on a machine that may be busy. */
const ARRIVES_MS = 20_000;
const ID = '[0-9A-HJKMNP-TV-Z]{26}';

afterEach(async () => {
  await stopTodoRuns();
});

/** Starts `todo watch <args>` for `user` and waits until it says it is watching: later changes all come. */
async function watching(user: TodoUser, args: string[] = []): Promise<RunningTodo> {
  const watch = startTodo(['watch', ...args], user.env);
  await watch.waitForStderrLine((line) => line.startsWith('Watching '), ARRIVES_MS);
  return watch;
}

/** Ctrl-C, then what the run printed in all. */
async function interrupted(watch: RunningTodo) {
  watch.kill('SIGINT');
  return watch.finished;
}

const line = (watch: RunningTodo, pattern: RegExp) =>
  watch.waitForStdoutLine((each) => pattern.test(each), ARRIVES_MS);

describe('todo watch', () => {
  it('prints a line for each add, done and rm made by other commands; Ctrl-C exits 130 quietly', async () => {
    const user = await newTodoUser(api.stack.url);
    const watch = await watching(user);

    const added = JSON.parse(
      (await user.run(['add', 'Buy milk', '--due', '2030-01-02', '-t', 'home', '--json'])).stdout,
    );
    await line(watch, new RegExp(`^Added Buy milk \\(due 2030-01-02\\) #home ${added.id} in "Inbox"$`));
    await user.run(['done', added.id]);
    await line(watch, new RegExp(`^Done Buy milk \\(due 2030-01-02\\) #home ${added.id} in "Inbox"$`));
    await user.run(['rm', added.id, '--yes']);
    await line(watch, new RegExp(`^Deleted Buy milk ${added.id} in "Inbox"$`));
    const run = await interrupted(watch);

    expect(run.code).toBe(130);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toBe('Watching your lists for changes (Ctrl-C to stop)…\n');
  });

  it('--json prints each change as the feed gives it, one JSON object per line, and nothing else on stdout', async () => {
    const user = await newTodoUser(api.stack.url);
    const watch = await watching(user, ['--json']);

    const added = JSON.parse((await user.run(['add', 'Call the plumber', '--json'])).stdout);
    await user.run(['done', added.id]);
    await user.run(['rm', added.id, '--yes']);
    await line(watch, /"op":"delete"/);
    const run = await interrupted(watch);

    const changes = run.stdout
      .trim()
      .split('\n')
      .map((each) => JSON.parse(each));
    expect(changes.map((change) => [change.type, change.op, change.id])).toEqual([
      ['todo', 'upsert', added.id],
      ['todo', 'upsert', added.id],
      ['todo', 'delete', added.id],
    ]);
    expect(changes[0].todo).toMatchObject({ title: 'Call the plumber', completed: false, version: 1 });
    expect(changes[1].todo).toMatchObject({ completed: true, version: 2 });
    expect(changes[2]).toEqual({
      type: 'todo',
      op: 'delete',
      id: added.id,
      listId: 'inbox',
      reason: 'deleted',
    });
    expect(run.code).toBe(130);
  });

  it('--list shows only that list: a change elsewhere made first never comes', async () => {
    const user = await newTodoUser(api.stack.url);
    await user.api.lists.create({ name: 'Groceries' });
    const watch = await watching(user, ['--list', 'groc']);

    await user.run(['add', 'Bread']);
    await user.run(['add', 'Oat milk', '--list', 'groceries']);
    await line(watch, new RegExp(`^Added Oat milk ${ID}$`));
    const run = await interrupted(watch);

    expect(run.stdout).not.toContain('Bread');
    expect(run.stderr).toContain('Watching "Groceries" for changes');
  });

  it("--list with a name that fits several lists is exit 2, one that fits none exit 3, as other commands' are", async () => {
    const user = await newTodoUser(api.stack.url);
    await user.api.lists.create({ name: 'Garden' });
    await user.api.lists.create({ name: 'Groceries' });

    expectErrorLine(await user.run(['watch', '--list', 'g']), 2, '"g" fits 2 lists: "Garden", "Groceries"');
    expectErrorLine(await user.run(['watch', '--list', 'work']), 3, 'no list named "work"');
  });

  it("connects where the profile's liveUrl says; config takes only a ws: or wss: URL there, and shows the derived one", async () => {
    const user = await newTodoUser(api.stack.url);
    expect((await user.run(['config', 'get', 'liveUrl'])).stdout).toBe('ws://localhost:3000/v1/live\n');
    expectErrorLine(
      await user.run(['config', 'set', 'liveUrl', 'https://live.example.com']),
      2,
      'liveUrl must be ws or wss',
    );
    // Nothing listens on port 9 of the loopback: the watch can only be trying the URL it was given.
    expect((await user.run(['config', 'set', 'liveUrl', 'ws://127.0.0.1:9/live'])).code).toBe(0);
    expect((await user.run(['config', 'get', 'liveUrl'])).stdout).toBe('ws://127.0.0.1:9/live\n');

    const watch = startTodo(['watch'], user.env);
    await watch.waitForStderrLine((each) => each === 'Could not connect yet; retrying…', ARRIVES_MS);
    const run = await interrupted(watch);

    expect(run.stderr).not.toContain('Watching');
    expect(run.code).toBe(130);
  });

  it('goes on from now, saying so, when its cursor is older than the feed keeps (410 sync_expired)', async () => {
    const user = await newTodoUser(api.stack.url);
    const proxy = await startFeedExpiringProxy(api.stack.url);
    try {
      // The API through the proxy; the live socket straight to the gateway (the proxy speaks HTTP only).
      const liveUrl = `${api.stack.url.replace(/^http/, 'ws')}/v1/live`;
      expect((await user.run(['config', 'set', 'liveUrl', liveUrl])).code).toBe(0);
      const watch = startTodo(['watch'], { ...user.env, TODO_API_URL: proxy.url });
      await watch.waitForStderrLine((each) => each.startsWith('Watching '), ARRIVES_MS);
      const added = JSON.parse((await user.run(['add', 'After the month away', '--json'])).stdout);
      await line(watch, new RegExp(`^Added After the month away ${added.id} in "Inbox"$`));
      const run = await interrupted(watch);

      expect(run.code).toBe(130);
      expect(run.stderr).toBe(
        'Away longer than the changes feed keeps (30 days): changes made meanwhile may be missing; watching on from now.\n' +
          'Watching your lists for changes (Ctrl-C to stop)…\n',
      );
    } finally {
      await proxy.close();
    }
  });

  it("a member's change on a shared list shows, with who made it", async () => {
    const [ada, sam] = await Promise.all([newTodoUser(api.stack.url), newTodoUser(api.stack.url)]);
    const list = await ada.api.lists.create({ name: 'Groceries' });
    await ada.api.lists.members.add(list.id, sam.email as string);
    const watch = await watching(ada);

    await sam.run(['add', 'Oat milk', '--list', 'groceries']);

    await line(watch, new RegExp(`^Added Oat milk ${ID} in "Groceries" by ${sam.email}$`));
    expect((await interrupted(watch)).code).toBe(130);
  });
});

describe('todo watch while the gateway is killed and restarted on the same data and port', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'todo-cli-watch-'));
    await ensureGatewayBuilt();
  }, 120_000);
  afterAll(async () => {
    await stopGatewayProcesses();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says so once, resumes, and prints every change made before, during and after the outage exactly once', async () => {
    let gateway: GatewayProcess = await startGatewayProcess({ dataDir });
    const user = await newTodoUser(gateway.url);
    const watch = await watching(user);
    await user.api.todos.create({ title: 'before' });
    await line(watch, /^Added before /);

    await gateway.crash();
    await watch.waitForStderrLine((each) => each === 'Connection lost; reconnecting…', ARRIVES_MS);
    gateway = await startGatewayProcess({ dataDir, port: gateway.port });
    // Made at once, before the watch is back: only its catching up from its cursor can bring them.
    await user.api.todos.create({ title: 'during' });
    await user.api.todos.create({ title: 'during, second' });
    await watch.waitForStderrLine((each) => each === 'Live again.', ARRIVES_MS);
    await line(watch, /^Added during, second /);
    await user.api.todos.create({ title: 'after' });
    await line(watch, /^Added after /);
    const run = await interrupted(watch);

    const titles = run.stdout
      .trim()
      .split('\n')
      .map((each) => /^Added (.+?) [0-9A-Z]{26} in "Inbox"$/.exec(each)?.[1] ?? each);
    expect(titles).toEqual(['before', 'during', 'during, second', 'after']);
    expect(run.stderr.split('\n').filter((each) => each === 'Connection lost; reconnecting…')).toHaveLength(
      1,
    );
    expect(run.stderr.split('\n').filter((each) => each === 'Live again.')).toHaveLength(1);
    expect(run.code).toBe(130);
  }, 120_000);
});
