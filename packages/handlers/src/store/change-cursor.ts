import { CHANGES_RETENTION_DAYS } from '@todolist/sdk/contract';
import { decodeTime, encodeTime } from 'ulid';
import { BadRequestError, SyncExpiredError } from '../errors.js';

// A changes cursor says where a reader is in the feed, which is ordered by change stamps
// (change-stamp.ts). Stamps follow the writers' clocks, not the order writes become readable:
// a write stamped at t can appear after another stamped later (its own latency, a retry, or in
// a global table the replication lag from another region). So the cursor does not move to the
// newest stamp read. It keeps:
// - `settled`: every change stamped at or before it has been delivered. It trails the clock by
//   CHANGE_OVERLAP_MS, the longest a write may take to be readable after its stamp;
// - `seen`: the changes after `settled` already delivered, so reading the overlap again repeats
//   none of them.
// Stamps after `settled` that are not `seen` are read on the next call: a late write is
// delivered then, once.

/**
 * How far the settled point trails the clock: a write's stamp-to-readable time in one region
 * (its latency and the SDK's retries: well under a second, bounded by the function's timeout)
 * and, in a global table, the replication lag from another region (typically about a second;
 * the dashboard's ReplicationLatency alarm fires well before this).
 */
export const CHANGE_OVERLAP_MS = 5_000;

/**
 * Most changes a cursor remembers as delivered past the settled point (18 characters each, so a
 * cursor stays under MAX_CHANGES_CURSOR_LENGTH). A reader that keeps up with more than this many
 * changes in one overlap (a large import, read as it lands) gets an empty page with `hasMore`,
 * and reads on once the overlap has passed them: at most CHANGE_OVERLAP_MS later.
 */
export const MAX_SEEN = 200;

const RETENTION_MS = CHANGES_RETENTION_DAYS * 24 * 60 * 60 * 1000;
const VERSION = 'c1';
const TIME_LENGTH = 10;
/** A seen change: its stamp's time and the last 8 of its random characters (those a same-millisecond stamp increments). */
const SEEN_LENGTH = 18;

/** Where a reader is in the changes feed. */
export interface ChangeCursor {
  /** Every change stamped at or before this has been delivered: a stamp, or a stamp's time prefix. */
  settled: string;
  /** Changes stamped after `settled` already delivered, as {@link seenKey}s. */
  seen: Set<string>;
}

/** What a cursor remembers of a delivered change. */
export function seenKey(stamp: string): string {
  return stamp.slice(0, TIME_LENGTH) + stamp.slice(-8);
}

/** The settled point for a read at `now`: the time prefix CHANGE_OVERLAP_MS back. */
export function horizonAt(now: Date): string {
  return encodeTime(now.getTime() - CHANGE_OVERLAP_MS, TIME_LENGTH);
}

export function encodeChangeCursor(cursor: ChangeCursor): string {
  // Only what may still matter: a seen change is dropped once the settled point passes its time.
  const time = cursor.settled.slice(0, TIME_LENGTH);
  const seen = [...cursor.seen].filter((key) => key.slice(0, TIME_LENGTH) >= time).sort();
  return `${VERSION}_${cursor.settled}_${seen.join('')}`;
}

const malformed = () =>
  new BadRequestError(
    'invalid_cursor',
    'since is not a cursor of this feed: pass back the cursor exactly as received',
  );

/**
 * The cursor a client sent back; {@link SyncExpiredError} when it is older than the feed keeps,
 * a 400 when it is not one of ours.
 */
export function decodeChangeCursor(text: string, now: Date): ChangeCursor {
  const [version, settled, seen, extra] = text.split('_');
  if (version !== VERSION || settled === undefined || seen === undefined || extra !== undefined)
    throw malformed();
  if (!/^[0-9A-HJKMNP-TV-Z]{10}([0-9A-HJKMNP-TV-Z]{16})?$/.test(settled)) throw malformed();
  if (seen.length % SEEN_LENGTH !== 0 || !/^[0-9A-HJKMNP-TV-Z]*$/.test(seen)) throw malformed();
  let time: number;
  try {
    time = decodeTime(settled.padEnd(26, '0'));
  } catch {
    throw malformed();
  }
  if (time > now.getTime() + RETENTION_MS) throw malformed();
  if (time < now.getTime() - RETENTION_MS) throw new SyncExpiredError(CHANGES_RETENTION_DAYS);
  const keys = new Set<string>();
  for (let at = 0; at < seen.length; at += SEEN_LENGTH) keys.add(seen.slice(at, at + SEEN_LENGTH));
  return { settled, seen: keys };
}
