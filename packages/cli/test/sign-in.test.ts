import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LocalStack, signInLocally } from '@todolist/local/testing';
import { createClient } from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import { startLocalApi } from './support/local-api.js';
import { startTodo, stopTodoRuns } from './support/running-todo.js';
import { newTodoUser, removeTodoUsers, type TodoUser } from './support/todo-user.js';

// `todo login` against the local gateway's real sign-in (the gateway verifies the
// tokens it issued). The tests run one after another: each login listens on the same loopback ports.

let stack: LocalStack;

beforeAll(async () => {
  [stack] = await Promise.all([startLocalApi(), ensureCliBuilt()]);
}, 120_000);

afterAll(async () => {
  await stopTodoRuns();
  await stack?.close();
  await removeTodoUsers();
});

/** A user with no TODO_TOKEN: the CLI uses what `todo login` stored. */
async function newUser(): Promise<TodoUser> {
  const user = await newTodoUser(stack.url);
  delete user.env.TODO_TOKEN;
  return user;
}

const tokenPath = (user: TodoUser) => join(user.configDir, 'tokens', 'default.json');
const readTokenFile = async (user: TodoUser) =>
  JSON.parse(await readFile(tokenPath(user), 'utf8')) as Record<string, string>;

/** Rewrites some fields of the user's stored sign-in, as time or a moved server would. */
async function changeTokenFile(user: TodoUser, changes: Record<string, string>): Promise<void> {
  await writeFile(tokenPath(user), JSON.stringify({ ...(await readTokenFile(user)), ...changes }));
}

/** The sign-in page's form as the browser would post it: its hidden fields and the e-mail typed. */
async function signInForm(authorizeUrl: string, email: string): Promise<URLSearchParams> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const form = new URLSearchParams();
  for (const [input] of (await page.text()).matchAll(/<input type="hidden"[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(input)?.[1] ?? '';
    form.set(attribute('name'), attribute('value').replaceAll('&amp;', '&'));
  }
  form.set('email', email);
  return form;
}

/** Posts the sign-in form; answers where the gateway sends the browser (the CLI's callback). */
async function submitSignIn(authorizeUrl: string, email: string): Promise<URL> {
  const form = await signInForm(authorizeUrl, email);
  const login = await fetch(new URL('/login', authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(login.status).toBe(302);
  return new URL(login.headers.get('location') ?? '');
}

/** Runs `todo login --no-browser` and plays the browser: the URL printed, the form, the callback. */
async function login(user: TodoUser, email: string, onCallback?: (callback: URL) => Promise<void>) {
  const running = startTodo(['login', '--no-browser'], user.env);
  const url = await running.waitForStderrLine((line) => line.startsWith('http'));
  const callback = await submitSignIn(url, email);
  await onCallback?.(callback);
  const page = await fetch(callback);
  return { page, pageText: await page.text(), run: await running.finished };
}

describe('todo login', () => {
  it('signs in through the browser flow and keeps the tokens readable by the owner only', async () => {
    const user = await newUser();
    const { page, pageText, run } = await login(user, 'ada@example.com');
    expect(page.status).toBe(200);
    expect(pageText).toContain('you can close this tab');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Signed in as ada@example.com (profile default).');
    expect((await stat(tokenPath(user))).mode & 0o777).toBe(0o600);
    expect((await stat(join(user.configDir, 'tokens'))).mode & 0o777).toBe(0o700);

    const whoami = await user.run(['whoami']);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toMatch(/^email +ada@example\.com$/m);
    expect(whoami.stdout).toMatch(/^profile +default$/m);
    const json = JSON.parse((await user.run(['whoami', '--json'])).stdout);
    expect(json).toMatchObject({
      email: 'ada@example.com',
      profile: 'default',
      baseUrl: stack.url,
      source: 'login',
    });
  });

  it('refuses a callback with another state, and the sign-in still completes', async () => {
    const user = await newUser();
    const { run } = await login(user, 'ada@example.com', async (callback) => {
      const forged = new URL(callback);
      forged.searchParams.set('state', 'not-the-state');
      const refused = await fetch(forged);
      expect(refused.status).toBe(400);
      await expect(stat(tokenPath(user))).rejects.toThrow();
    });
    expect(run.code, run.stderr).toBe(0);
  });

  it('works as the person signed in: another person does not see their todos', async () => {
    const user = await newUser();
    expect((await login(user, 'grace@example.com')).run.code).toBe(0);
    const added = await user.run(['add', 'Private', 'errand', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const list = await user.run(['list', '--json']);
    expect(JSON.parse(list.stdout).map((todo: { title: string }) => todo.title)).toEqual(['Private errand']);

    const other = await signInLocally(stack.url, 'someone-else@example.com');
    const theirs = await createClient({ baseUrl: stack.url, auth: other.accessToken }).todos.list();
    expect(theirs.items.map((todo) => todo.title)).not.toContain('Private errand');
  });

  it('refreshes an expired access token silently and saves the new one', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    const before = await readTokenFile(user);
    await writeFile(tokenPath(user), JSON.stringify({ ...before, expiresAt: '2020-01-01T00:00:00.000Z' }));
    const list = await user.run(['list']);
    expect(list.code, list.stderr).toBe(0);
    const after = await readTokenFile(user);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(Date.parse(after.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(after.refreshToken).toBe(before.refreshToken);
  });

  it('ends with exit 4 and one line when the session cannot be renewed', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    await changeTokenFile(user, { refreshToken: 'revoked', expiresAt: '2020-01-01T00:00:00.000Z' });
    expectErrorLine(
      await user.run(['list']),
      4,
      'todo: not signed in (or the session expired): run todo login',
    );
  });

  it('signs out with todo logout, after which whoami exits 4; a second logout is fine', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    const logout = await user.run(['logout']);
    expect(logout.code, logout.stderr).toBe(0);
    expect(logout.stderr).toContain('Signed out (profile default); the sign-in server ended the session.');
    await expect(stat(tokenPath(user))).rejects.toThrow();
    expectErrorLine(await user.run(['whoami']), 4, 'not signed in (profile default): run todo login');
    const again = await user.run(['logout']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Not signed in (profile default); nothing to do.');
  });

  it('signs out even when the token file is damaged, which is what the error about it says to do', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    await writeFile(tokenPath(user), '{ not json');
    expectErrorLine(await user.run(['list']), 2, 'is not a token file: delete it with "todo logout"');
    const logout = await user.run(['logout']);
    expect(logout.code, logout.stderr).toBe(0);
    await expect(stat(tokenPath(user))).rejects.toThrow();
  });

  it('revokes the sign-in at logout: a copy of the token file no longer renews or reads anything', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    const copied = await readTokenFile(user);
    const refresh = () =>
      fetch(`${stack.url}/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: 'todolist-cli',
          refresh_token: copied.refreshToken ?? '',
        }),
      });
    expect((await refresh()).status).toBe(200);
    expect((await user.run(['logout'])).code).toBe(0);
    const refused = await refresh();
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    // The access token of that sign-in ends with it, as Cognito's revocation does.
    const list = await user.run(['list'], { env: { TODO_TOKEN: copied.accessToken } });
    expectErrorLine(list, 4, /token was revoked/);
  });

  it('still signs out here when the sign-in server cannot be reached, and says the session outlives it', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    // The sign-in server has moved away: nothing listens on port 9 (discard) of the loopback.
    await changeTokenFile(user, { tokenEndpoint: 'http://127.0.0.1:9/oauth2/token' });
    const logout = await user.run(['logout']);
    expect(logout.code, logout.stderr).toBe(0);
    expect(logout.stderr).toMatch(
      /^Signed out here \(profile default\), but cannot reach the sign-in server at http:\/\/127\.0\.0\.1:9\/oauth2\/revoke: the session ends when its refresh token expires\.\n$/,
    );
    await expect(stat(tokenPath(user))).rejects.toThrow();
  });

  it('uses TODO_TOKEN over the stored sign-in', async () => {
    const user = await newUser();
    await login(user, 'ada@example.com');
    const bob = await signInLocally(stack.url, 'bob@example.com');
    const bobs = createClient({ baseUrl: stack.url, auth: bob.accessToken });
    await bobs.todos.create({ title: "Bob's todo" });
    const list = await user.run(['list', '--json'], { env: { TODO_TOKEN: bob.accessToken } });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((todo: { title: string }) => todo.title)).toContain("Bob's todo");
    const whoami = JSON.parse(
      (await user.run(['whoami', '--json'], { env: { TODO_TOKEN: bob.accessToken } })).stdout,
    );
    expect(whoami).toMatchObject({ sub: bob.sub, source: 'TODO_TOKEN' });
  });
});
