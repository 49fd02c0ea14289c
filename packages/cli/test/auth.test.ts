import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newSignedInUser } from './support/stored-sign-in.js';
import { newTodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo auth token` hands the credentials every command uses to another tool; `todo whoami` (and
// `todo auth status`) says who you are only once the API has taken those credentials.

const api = useLocalApi();

/** What the API answers a request for the todos made with this bearer token. */
const listWith = async (token: string) =>
  (await fetch(`${api.stack.url}/v1/todos`, { headers: { Authorization: `Bearer ${token}` } })).status;

/** Ends the sign-in at the server, as `todo logout` elsewhere would: its access tokens end with it. */
async function revokeAtServer(refreshToken: string): Promise<void> {
  const answer = await fetch(`${api.stack.url}/oauth2/revoke`, {
    method: 'POST',
    body: new URLSearchParams({ token: refreshToken, client_id: 'todolist-cli' }),
  });
  expect(answer.status).toBe(200);
}

describe.concurrent('todo auth token', () => {
  it('prints the stored access token alone on one line, and the API takes it', async () => {
    const user = await newSignedInUser(api.stack.url);
    const run = await user.run(['auth', 'token']);
    expect(run).toEqual({ code: 0, stdout: `${user.signIn.accessToken}\n`, stderr: '' });
    expect(await listWith(run.stdout.trim())).toBe(200);
  });

  it('renews a token within a minute of expiry first, saves it, and prints the new one', async () => {
    const user = await newSignedInUser(api.stack.url);
    await user.changeTokenFile({ expiresAt: new Date(Date.now() + 20_000).toISOString() });
    const run = await user.run(['auth', 'token']);
    expect(run.code, run.stderr).toBe(0);
    const token = run.stdout.trim();
    expect(token).not.toBe(user.signIn.accessToken);
    expect((await user.readTokenFile()).accessToken).toBe(token);
    expect(await listWith(token)).toBe(200);
  });

  it('prints TODO_TOKEN when it is set, as every command would send it', async () => {
    const user = await newSignedInUser(api.stack.url);
    const run = await user.run(['auth', 'token'], { env: { TODO_TOKEN: 'the-one-from-ci' } });
    expect(run).toEqual({ code: 0, stdout: 'the-one-from-ci\n', stderr: '' });
  });

  it('exits 4 with one line, and prints no token, when signed out or the session cannot be renewed', async () => {
    const [signedOut, expired] = await Promise.all([
      newTodoUser(api.stack.url),
      newSignedInUser(api.stack.url),
    ]);
    await expired.changeTokenFile({ refreshToken: 'revoked', expiresAt: '2020-01-01T00:00:00.000Z' });
    expectErrorLine(
      await signedOut.run(['auth', 'token'], { env: { TODO_TOKEN: undefined } }),
      4,
      /^todo: not signed in \(profile default\): run todo login\n$/,
    );
    expectErrorLine(
      await expired.run(['auth', 'token']),
      4,
      'not signed in (or the session expired): run todo login',
    );
  });

  it('shows the curl example in its help', async () => {
    const user = await newTodoUser(api.stack.url);
    const help = await user.run(['auth', 'token', '--help']);
    expect(help.stdout).toContain(
      '$ curl -H "Authorization: Bearer $(todo auth token)" http://localhost:3000/v1/todos',
    );
  });
});

describe.concurrent('todo whoami asks the API', () => {
  it('exits 4 with the line every command gives for a TODO_TOKEN the API refuses', async () => {
    const user = await newTodoUser(api.stack.url);
    const [whoami, list] = await Promise.all([
      user.run(['whoami'], { env: { TODO_TOKEN: 'garbage' } }),
      user.run(['list'], { env: { TODO_TOKEN: 'garbage' } }),
    ]);
    expectErrorLine(whoami, 4, 'the API refused the credentials');
    expect(whoami.stderr.replace(/request id [^)]+/, '')).toBe(list.stderr.replace(/request id [^)]+/, ''));
  });

  it('exits 4 for a stored sign-in revoked at the server, though its token has not expired', async () => {
    const user = await newSignedInUser(api.stack.url);
    await revokeAtServer(user.signIn.refreshToken);
    const [whoami, status] = await Promise.all([user.run(['whoami']), user.run(['auth', 'status'])]);
    expectErrorLine(whoami, 4, 'not signed in (or the session expired): run todo login');
    expectErrorLine(status, 4, 'not signed in (or the session expired): run todo login');
  });

  it('shows who you are when the API takes the credentials; todo auth status is the same', async () => {
    const user = await newSignedInUser(api.stack.url, 'grace@example.com');
    const [whoami, status] = await Promise.all([
      user.run(['whoami', '--json']),
      user.run(['auth', 'status', '--json']),
    ]);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ email: 'grace@example.com', source: 'login' });
    expect(status).toEqual(whoami);
  });
});
