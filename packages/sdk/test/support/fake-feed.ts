import { delay, HttpResponse, http, ws } from 'msw';
import type { Change } from '../../src/index.js';
import { problemAnswer } from './api-answers.js';
import { aPage } from './feed-answers.js';
import { MOCK_BASE_URL, type MockApi } from './mock-api-server.js';

/** Where the msw tests' live connections go: the API's origin, path LIVE_PATH. */
export const MOCK_LIVE_URL = 'ws://api.todolist.test/v1/live';

type LiveClient = Parameters<Parameters<ReturnType<typeof ws.link>['addEventListener']>[1]>[0]['client'];

/** A feed and its live connection, as msw answers them for one test. */
export interface FakeFeed {
  /** Adds changes to the feed (without a poke: call {@link poke} for that). */
  add(...changes: Change[]): void;
  /** Sends `{"type":"changed"}` to every open connection. */
  poke(): void;
  /** Sends any text to every open connection. */
  send(text: string): void;
  /** Closes every open connection from the server's side, as a restart does. */
  dropAll(): void;
  /** Refuses the next `count` connections at once, as a handshake refused for its token does. */
  refuseNext(count: number): void;
  /** Answers reads of the feed after `ms` from now on. */
  slowReads(ms: number): void;
  /** Answers 410 sync_expired for any cursor from now on. */
  expireCursors(): void;
  /** The token of each connection made, in order. */
  readonly tokens: (string | null)[];
  /** What the clients sent, in order. */
  readonly received: string[];
  /** How many connections are open now. */
  open(): number;
}

/**
 * A feed whose cursor `cN` stands after its first N changes (`since=cN` answers the rest), and a
 * live connection that pokes when told: what `client.subscribe` talks to, under test control.
 */
export function fakeFeed(api: MockApi): FakeFeed {
  const changes: Change[] = [];
  const tokens: (string | null)[] = [];
  const received: string[] = [];
  const clients = new Set<LiveClient>();
  let refusals = 0;
  let readDelayMs = 0;
  let expired = false;
  const link = ws.link(MOCK_LIVE_URL);
  api.server.use(
    http.get(`${MOCK_BASE_URL}/v1/changes`, async ({ request }) => {
      if (readDelayMs > 0) await delay(readDelayMs);
      const since = new URL(request.url).searchParams.get('since');
      const now = `c${changes.length}`;
      if (since === null) return HttpResponse.json(aPage([], now));
      if (expired) return problemAnswer('sync_expired');
      return HttpResponse.json(aPage(changes.slice(Number(since.slice(1))), now));
    }),
    link.addEventListener('connection', ({ client }) => {
      tokens.push(client.url.searchParams.get('token'));
      if (refusals > 0) {
        refusals -= 1;
        client.close(4001, 'refused');
        return;
      }
      clients.add(client);
      client.addEventListener('message', (event) => received.push(String(event.data)));
      client.addEventListener('close', () => clients.delete(client));
    }),
  );
  const send = (text: string) => {
    for (const client of clients) client.send(text);
  };
  return {
    add: (...more) => changes.push(...more),
    poke: () => send(JSON.stringify({ type: 'changed' })),
    send,
    dropAll() {
      for (const client of [...clients]) {
        clients.delete(client);
        client.close(4000, 'restarting');
      }
    },
    refuseNext(count) {
      refusals = count;
    },
    slowReads(ms) {
      readDelayMs = ms;
    },
    expireCursors() {
      expired = true;
    },
    tokens,
    received,
    open: () => clients.size,
  };
}
