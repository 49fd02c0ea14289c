import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Change, LIVE_PATH, type List, type Member, type Todo } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MACHINE_CLIENT_ID } from '../src/issuer/machine-client.js';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';
import { FeedReader } from './support/feed-reader.js';
import { LiveFollower } from './support/live-follower.js';
import { handshake, openFlushableLive, openLive } from './support/live-sockets.js';

// Live pushes through the local gateway: real sign-ins, real WebSockets on loopback, the
// handlers' bundles writing to dynalite, and the feed read over HTTP, as a client stays in step.
// `stack.live.settled()` waits until every write so far has poked whom it concerns, so a test
// can open a socket that no earlier write will poke.

let stack: LocalStack;

interface Person {
  email: string;
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

async function person(on: LocalStack, email: string): Promise<Person> {
  const { accessToken } = await signInLocally(on.url, email);
  return {
    email,
    token: accessToken,
    async call(method, path, body) {
      const response = await fetch(new URL(path, on.url), {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

async function made<T>(answer: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
}

/** Waits for `check` to pass: a poke crosses the loopback in milliseconds, but a busy machine may take longer. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

const todoUpserts = (changes: readonly Change[]) =>
  changes.flatMap((change) => (change.type === 'todo' && change.op === 'upsert' ? [change.todo] : []));

let a: Person;
let b: Person;
let c: Person;

beforeAll(async () => {
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null, machineOwner: 'a@example.test' });
  a = await person(stack, 'a@example.test');
  b = await person(stack, 'b@example.test');
  c = await person(stack, 'c@example.test');
});

afterAll(async () => {
  await stack?.close();
});

describe('live pushes at /v1/live, fed from the gateway’s own writes', () => {
  it('A is poked after creating a todo through the API, and the feed then holds it', async () => {
    await stack.live.settled();
    const socket = await openLive(stack.url, a.token);
    const feed = new FeedReader(stack.url, a.token);
    await feed.start();

    const todo = await made(a.call<Todo>('POST', '/v1/todos', { title: 'Buy bread' }));

    await eventually(() => expect(socket.messages).not.toHaveLength(0));
    expect(socket.messages[0]).toEqual({ type: 'changed' });
    expect(todoUpserts(await feed.read())).toEqual([
      expect.objectContaining({ id: todo.id, title: 'Buy bread' }),
    ]);
    socket.close();
  });

  it('a todo changed on a shared list pokes its member; someone not on it hears nothing until they write', async () => {
    const list = await made(a.call<List>('POST', '/v1/lists', { name: 'Groceries' }));
    await made(a.call('POST', `/v1/lists/${list.id}/members`, { email: b.email }));
    const todo = await made(a.call<Todo>('POST', '/v1/todos', { title: 'Oat milk', listId: list.id }));
    await stack.live.settled();
    const ofB = await openLive(stack.url, b.token);
    const ofC = await openFlushableLive(stack.url, c.token);
    const feedOfB = new FeedReader(stack.url, b.token);
    await feedOfB.start();

    await made(a.call('PATCH', `/v1/todos/${todo.id}`, { completed: true }));

    await eventually(() => expect(ofB.messages).not.toHaveLength(0));
    expect(todoUpserts(await feedOfB.read())).toEqual([
      expect.objectContaining({ id: todo.id, completed: true, listId: list.id }),
    ]);
    // Every poke of A's change has been sent, and the pong says C has had all sent to it: none.
    await stack.live.settled();
    await ofC.flush();
    expect(ofC.messages).toEqual([]);
    // The same check after C's own write finds its one poke: the check can see a poke.
    await made(c.call('POST', '/v1/todos', { title: 'Mine alone' }));
    await stack.live.settled();
    await ofC.flush();
    expect(ofC.messages).toEqual([{ type: 'changed' }]);
    ofB.close();
    ofC.close();
  });

  it('a list deleted with its todos pokes its owner and its member, and their feeds say the list is gone', async () => {
    const list = await made(a.call<List>('POST', '/v1/lists', { name: 'Trip' }));
    await made(a.call('POST', `/v1/lists/${list.id}/members`, { email: b.email }));
    for (const title of ['Tickets', 'Passport', 'Charger'])
      await made(a.call('POST', '/v1/todos', { title, listId: list.id }));
    await stack.live.settled();
    const [ofA, ofB] = [await openLive(stack.url, a.token), await openLive(stack.url, b.token)];
    const [feedOfA, feedOfB] = [new FeedReader(stack.url, a.token), new FeedReader(stack.url, b.token)];
    await Promise.all([feedOfA.start(), feedOfB.start()]);

    const deleted = await a.call('DELETE', `/v1/lists/${list.id}?todos=delete`);
    expect(deleted.status).toBe(204);

    await eventually(() => expect(ofA.messages).not.toHaveLength(0));
    await eventually(() => expect(ofB.messages).not.toHaveLength(0));
    const gone = { type: 'list', op: 'delete', id: list.id, reason: 'deleted' };
    for (const feed of [feedOfA, feedOfB]) {
      const read = await feed.read();
      expect(read).toContainEqual(gone);
      expect(read.filter((change) => change.type === 'todo')).toEqual([]);
    }
    ofA.close();
    ofB.close();
  });

  it('a member taken off a list is poked, and their feed says their membership ended', async () => {
    const list = await made(a.call<List>('POST', '/v1/lists', { name: 'Book club' }));
    const memberB = await made(a.call<Member>('POST', `/v1/lists/${list.id}/members`, { email: b.email }));
    await stack.live.settled();
    const ofB = await openLive(stack.url, b.token);
    const feedOfB = new FeedReader(stack.url, b.token);
    await feedOfB.start();

    expect((await a.call('DELETE', `/v1/lists/${list.id}/members/${memberB.id}`)).status).toBe(204);

    await eventually(() => expect(ofB.messages).not.toHaveLength(0));
    expect(await feedOfB.read()).toContainEqual({
      type: 'list',
      op: 'delete',
      id: list.id,
      reason: 'membership_ended',
    });
    ofB.close();
  });

  it('a machine client’s connection hears of its owner’s changes, as its REST calls act for that owner', async () => {
    const secret = stack.machineClient?.clientSecret ?? '';
    const granted = await fetch(`${stack.url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
      headers: { authorization: `Basic ${Buffer.from(`${MACHINE_CLIENT_ID}:${secret}`).toString('base64')}` },
    });
    const { access_token: machineToken } = (await granted.json()) as { access_token: string };
    await stack.live.settled();
    const socket = await openLive(stack.url, machineToken);

    await made(a.call('POST', '/v1/todos', { title: 'Seen by the script' }));

    await eventually(() => expect(socket.messages).toEqual([{ type: 'changed' }]));
    socket.close();
  });
});

describe('the live handshake', () => {
  it('a missing, malformed, tampered or id token is refused with a 401 and problem details', async () => {
    const { idToken } = await signInLocally(stack.url, 'a@example.test');
    const tampered = `${a.token.slice(0, -2)}${a.token.endsWith('AA') ? 'BB' : 'AA'}`;
    const answers = await Promise.all(
      ['', '?token=', '?token=not-a-jwt', `?token=${tampered}`, `?token=${idToken}`].map((query) =>
        handshake(stack.url, `${LIVE_PATH}${query}`),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    expect(answers.map((answer) => answer.headers['www-authenticate'])).toEqual([
      'Bearer',
      'Bearer',
      'Bearer error="invalid_token"',
      'Bearer error="invalid_token"',
      'Bearer error="invalid_token"',
    ]);
    expect(JSON.parse(answers[0]?.body ?? '{}').detail).toContain(`${LIVE_PATH}?token=<access token>`);
    // The WebSocket a page or the CLI uses sees the refusal as a connection that failed.
    await expect(openLive(stack.url, 'not-a-jwt')).rejects.toThrow('refused');
  });

  it('a token without the read scope is refused with a 401 insufficient_scope', async () => {
    const { accessToken } = await signInLocally(stack.url, 'd@example.test', {
      scope: 'openid todolist/todos.write',
    });
    const answer = await handshake(stack.url, `${LIVE_PATH}?token=${accessToken}`);
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe(
      'Bearer error="insufficient_scope", scope="todolist/todos.read"',
    );
  });

  it('another path is a 404; a page of another origin a 403; the gateway’s own origins and none connect', async () => {
    const token = `?token=${a.token}`;
    const elsewhere = await handshake(stack.url, `/v1/todos${token}`);
    expect(elsewhere.status).toBe(404);
    expect(JSON.parse(elsewhere.body)).toMatchObject({ code: 'route_not_found' });
    expect((await handshake(stack.url, `/v1/live/more${token}`)).status).toBe(404);

    const foreign = await handshake(stack.url, `${LIVE_PATH}${token}`, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).detail).toContain('https://evil.example');

    const localhost = stack.url.replace('127.0.0.1', 'localhost');
    for (const origin of [stack.url, localhost])
      expect((await handshake(stack.url, `${LIVE_PATH}${token}`, { Origin: origin })).status).toBe(101);
    expect((await handshake(stack.url, `${LIVE_PATH}${token}`)).status).toBe(101);
    // Without the upgrade, the path is no REST route.
    expect((await fetch(`${stack.url}${LIVE_PATH}`)).status).toBe(404);
  });
});

describe('a gateway that goes down and comes back', () => {
  it('closing the gateway closes every live connection with 1001, going away', async () => {
    const other = await startLocalStack({ dataDir: null, port: 0, throttle: null });
    const ada = await person(other, 'ada@example.test');
    const sockets = [await openLive(other.url, ada.token), await openFlushableLive(other.url, ada.token)];

    await other.close();

    expect(await Promise.all(sockets.map((socket) => socket.closed))).toEqual([1001, 1001]);
  });

  it('restarted on the same data folder and port, it takes the client back, which catches up from its cursor', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'todolist-live-'));
    try {
      const first = await startLocalStack({ dataDir, port: 0, throttle: null });
      const ada = await person(first, 'ada@example.test');
      const feed = new FeedReader(first.url, ada.token);
      await feed.start();
      const follower = new LiveFollower(feed, ada.token);
      await follower.connect(first.url);
      const before = await made(ada.call<Todo>('POST', '/v1/todos', { title: 'Before the restart' }));
      await eventually(() => expect(todoUpserts(feed.changes).map((todo) => todo.id)).toContain(before.id));

      await first.close();
      expect(await follower.closed).toBe(1001);
      const second = await startLocalStack({ dataDir, port: first.gateway.port, throttle: null });
      try {
        const again = await person(second, 'ada@example.test');
        const away = await made(
          again.call<Todo>('POST', '/v1/todos', { title: 'While the client was away' }),
        );
        await follower.connect(second.url);
        const after = await made(again.call<Todo>('POST', '/v1/todos', { title: 'After it came back' }));
        await eventually(() => expect(todoUpserts(feed.changes).map((todo) => todo.id)).toContain(after.id));
        await second.live.settled();
        await follower.idle();
        await feed.read();

        expect(todoUpserts(feed.changes).map((todo) => todo.title)).toEqual([
          'Before the restart',
          'While the client was away',
          'After it came back',
        ]);
        expect(todoUpserts(feed.changes).map((todo) => todo.id)).toEqual([before.id, away.id, after.id]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
