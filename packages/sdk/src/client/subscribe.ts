import type { Change } from '../contract/index.js';
import type { ChangesResource } from './changes.js';
import type { ResolvedOptions } from './options.js';

/** What {@link SubscribeOptions.onChange} is given: one page of the feed. */
export interface ChangeBatch {
  /** The page's changes, oldest first: each todo or list once, in its latest state. */
  changes: Change[];
  /** Where the feed stands after them: subscribe again from it, and nothing is missed or repeated. */
  cursor: string;
}

/** How long to wait before reconnecting: full jitter over a doubling cap. */
export interface ReconnectOptions {
  /** The first reconnect's largest wait, in ms; each failure in a row doubles it. @default 500 */
  baseDelayMs?: number;
  /** The largest wait between two connects, in ms. @default 30000 */
  maxDelayMs?: number;
}

/**
 * Whether a subscription is following the feed live, as `onStatus` tells it:
 * - `'connecting'`: the first connection is being opened (and the feed read up to now);
 * - `'live'`: connected, and the feed read up to date on this connection: each change from now
 *   comes as it happens;
 * - `'reconnecting'`: the connection was lost or refused; it waits (with backoff) and connects
 *   again, then catches up from its cursor, and is `'live'` once more when it has.
 */
export type SubscriptionStatus = 'connecting' | 'live' | 'reconnecting';

/** The options of `client.subscribe`. */
export interface SubscribeOptions {
  /**
   * Called with each page of changes, in order, never twice for one page; awaited, so the next
   * page waits for it. An error it throws goes to `onError`, and the feed goes on after the page.
   */
  onChange(batch: ChangeBatch): void | Promise<void>;
  /**
   * Told of every failure the subscription survives (a connection lost or refused, a read of the
   * feed that failed: it reconnects and catches up), and of the one that ends it: a
   * `SyncExpiredError` (the cursor is older than the feed keeps: read everything again, then
   * subscribe from a new cursor) or a `ValidationError` (a cursor that is not the feed's). @default none
   */
  onError?(error: unknown): void;
  /**
   * Told when the subscription's {@link SubscriptionStatus} changes, once per change (a long
   * outage with many retries is one `'reconnecting'`): `'connecting'` first, `'live'` once caught
   * up, `'reconnecting'` when the connection is lost, `'live'` again once caught up after it, so
   * an app can say "reconnecting…". Not told after `close()`. An error it throws goes to
   * `onError`. @default none
   * @example
   * ```ts
   * await client.subscribe({ onChange, onStatus: (status) => (banner.hidden = status === 'live') });
   * ```
   */
  onStatus?(status: SubscriptionStatus): void;
  /** Ends the subscription: the socket is closed and every timer stopped. */
  signal?: AbortSignal;
  /** Where to follow the feed from; without one, from now (a cursor asked for once connected). */
  cursor?: string | null;
  /** How reconnects back off. @default { baseDelayMs: 500, maxDelayMs: 30000 } */
  reconnect?: ReconnectOptions;
  /** How often the idle connection is pinged so that it stays open, in ms. @default 300000 (LIVE_PING_INTERVAL_MS) */
  pingIntervalMs?: number;
  /** How long to wait before reading again after an empty page that has more. @default 500 */
  overlapWaitMs?: number;
}

/** A running subscription, as `client.subscribe` answers it (once its code is loaded). */
export interface Subscription {
  /** The cursor after the last page delivered (or the one given): where to subscribe again from. */
  readonly cursor: string | undefined;
  /**
   * Settles when the subscription ends: resolves after `close()` or the signal's abort; rejects
   * with the error that ended it (a `SyncExpiredError` or a `ValidationError`, given to
   * `onError` first).
   */
  readonly done: Promise<void>;
  /** Closes the socket and stops the timers; resolves once nothing is running any more. */
  close(): Promise<void>;
}

/** What the live connection needs of the client that opens it. */
export interface LiveContext {
  changes: ChangesResource;
  /** The client's options: its base URL, credentials and logger. */
  options: ResolvedOptions;
  /** The `liveUrl` option as given: checked by the live code, which a page loads on demand. */
  liveUrl: string | URL | undefined;
}
