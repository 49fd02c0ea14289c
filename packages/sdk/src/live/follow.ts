// What `client.subscribe` runs, loaded on first use. Everything it takes from the rest of the
// SDK comes through the package's entry (`../index.js`), so the browser's second file
// (todolist-sdk-sync.min.js) imports it from the first instead of carrying a copy; only small
// modules that import nothing (the backoff, the wait, the live protocol's constants) are copied in.
import { type Backoff, jitteredBackoffMs } from '../client/backoff.js';
import type { ResolvedOptions } from '../client/options.js';
import type { LiveContext, SubscribeOptions, SubscriptionStatus } from '../client/subscribe.js';
import { wait } from '../client/wait.js';
import { LIVE_PING, LIVE_PING_INTERVAL_MS } from '../contract/live.js';
import {
  type FailedRequest,
  isSyncExpiredError,
  isValidationError,
  NetworkError,
  UnauthorizedError,
} from '../index.js';
import { coalescedRuns } from './coalesced-runs.js';
import { type LiveClose, openLiveSocket } from './live-socket.js';
import { liveUrlOf, withToken } from './live-url.js';

/** Where {@link follow} keeps the cursor it has delivered up to (`Subscription.cursor`). */
export interface FollowState {
  cursor: string | undefined;
}

/** The subscription's options, with the signal that ends it (the subscription's own). */
type FollowOptions = SubscribeOptions & { signal: AbortSignal };

/** The client's live context, with the live URL resolved. */
type Live = LiveContext & { url: URL };

/** What one connection reports back to the loop that reconnects it. */
interface SessionEvents {
  /** The connection was refused or failed before it opened. */
  refused(): void;
  /** The feed was read up to date on this connection: the failures in a row are over. */
  caughtUp(): void;
}

/** Errors no reconnect can cure: the cursor is too old for the feed (re-sync), or not one of its. */
function endsFollowing(error: unknown): boolean {
  return isSyncExpiredError(error) || isValidationError(error);
}

/** Tells `onStatus` of each change of status, never the same one twice in a row. */
function statusTeller(options: FollowOptions): (status: SubscriptionStatus) => void {
  let told: SubscriptionStatus | undefined;
  return (status) => {
    if (status === told || options.signal.aborted) return;
    told = status;
    try {
      options.onStatus?.(status);
    } catch (error) {
      options.onError?.(error);
    }
  };
}

/**
 * Follows the feed live until the signal aborts (then resolves) or the cursor cannot be
 * followed (then rejects, after `onError`): connects, reads from the cursor, reads again on
 * each poke, and on any failure reconnects with backoff and catches up from the last cursor.
 */
export async function follow(
  context: LiveContext,
  options: FollowOptions,
  state: FollowState,
): Promise<void> {
  let live: Live;
  try {
    live = { ...context, url: liveUrlOf(context.liveUrl, context.options.baseUrl) };
  } catch (error) {
    options.onError?.(error);
    throw error;
  }
  const backoff: Backoff = {
    baseDelayMs: options.reconnect?.baseDelayMs ?? 500,
    maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
  };
  const tell = statusTeller(options);
  tell('connecting');
  let failures = 0;
  // After a connection refused before it opened (as for an expired token), the next connect asks
  // for a fresh token: once per run of failures, not on every retry of a long outage.
  let refresh = false;
  let refreshed = false;
  while (!options.signal.aborted) {
    const events: SessionEvents = {
      refused: () => {
        refresh = !refreshed;
      },
      caughtUp: () => {
        failures = 0;
        refreshed = false;
        tell('live');
      },
    };
    const asked = refresh;
    refreshed ||= refresh;
    refresh = false;
    try {
      await session(live, options, state, asked, events);
    } catch (error) {
      if (options.signal.aborted) return;
      options.onError?.(error);
      if (endsFollowing(error)) throw error;
      tell('reconnecting');
      failures += 1;
      const delayMs = jitteredBackoffMs(failures, backoff);
      live.options.logger?.debug?.(`live connection: reconnecting in ${delayMs} ms`, {
        error: String(error),
      });
      await wait(delayMs, options.signal);
    }
  }
}

/** The client's access token to connect with (a fresh one with `refresh`); undefined when it has none. */
async function tokenOf(auth: ResolvedOptions['auth'], refresh: boolean): Promise<string | undefined> {
  return (typeof auth === 'function' ? await auth({ refresh }) : auth) || undefined;
}

/** The request a live connection's errors name: the socket's URL path (without the token). */
function liveRequest(live: Live): FailedRequest {
  return { method: 'GET', path: live.url.pathname };
}

/**
 * One connection: opens it, reads the feed, reads again on each poke, pings while idle. Ends
 * when the socket closes (a {@link NetworkError}), a read fails (its error), or the signal
 * aborts (returns); a read under way is stopped and waited for, so the next connection cannot
 * read the same page twice.
 */
async function session(
  live: Live,
  options: FollowOptions,
  state: FollowState,
  refresh: boolean,
  events: SessionEvents,
): Promise<void> {
  const request = liveRequest(live);
  const token = await tokenOf(live.options.auth, refresh);
  if (!token) {
    throw new UnauthorizedError(`${request.method} ${request.path} failed: no access token to connect with`, {
      request,
      code: 'unauthorized',
    });
  }
  const reading = new AbortController();
  let readFailure: unknown;
  const reads = coalescedRuns(
    async () => {
      await readFeed(live, options, state, reading.signal);
      events.caughtUp();
    },
    (error) => {
      readFailure ??= error;
      socket.close();
    },
  );
  const socket = openLiveSocket(withToken(live.url, token), () => reads.request());
  const stop = () => socket.close();
  options.signal.addEventListener('abort', stop, { once: true });
  let pinging: ReturnType<typeof setInterval> | undefined;
  try {
    await socket.opened.catch((closed: LiveClose) => {
      events.refused();
      throw connectionError(request, live, closed);
    });
    reads.request();
    pinging = setInterval(
      () => socket.send(JSON.stringify(LIVE_PING)),
      options.pingIntervalMs ?? LIVE_PING_INTERVAL_MS,
    );
    const closed = await socket.closed;
    if (readFailure !== undefined) throw readFailure;
    if (!options.signal.aborted) throw connectionError(request, live, closed);
  } finally {
    clearInterval(pinging);
    options.signal.removeEventListener('abort', stop);
    reading.abort();
    socket.close();
    await reads.settled();
  }
}

function connectionError(request: FailedRequest, live: Live, closed: LiveClose): NetworkError {
  const where = `${live.url.origin}${live.url.pathname}`;
  const how = `${closed.code}${closed.reason ? ` ${closed.reason}` : ''}`;
  const detail = closed.wasOpen
    ? `the live connection to ${where} closed (${how})`
    : `could not open the live connection to ${where} (closed ${how} first): unreachable, or the token was refused`;
  return new NetworkError(`${request.method} ${request.path} failed: ${detail}`, {
    request,
    code: 'network_error',
  });
}

/** Reads the feed from the cursor to its end, handing each page on, the cursor moved after each. */
async function readFeed(
  live: Live,
  options: FollowOptions,
  state: FollowState,
  signal: AbortSignal,
): Promise<void> {
  if (state.cursor === undefined) {
    state.cursor = (await live.changes.since(undefined, { signal })).cursor;
    return;
  }
  const pages = live.changes.iterate(state.cursor, {
    signal,
    ...(options.overlapWaitMs === undefined ? {} : { overlapWaitMs: options.overlapWaitMs }),
  });
  for await (const page of pages) {
    if (page.changes.length > 0) {
      try {
        await options.onChange({ changes: page.changes, cursor: page.cursor });
      } catch (error) {
        options.onError?.(error);
      }
    }
    state.cursor = page.cursor;
  }
}
