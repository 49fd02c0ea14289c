import type { LiveMessage } from '@todolist/sdk/contract';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import pMap from 'p-map';
import type { LiveConnections } from '../store/live-connections.js';
import type { Table } from '../store/table.js';
import { audienceOf } from './audience.js';
import type { ConnectionPoster } from './connection-poster.js';
import { changedItemOf, sequenceNumberOf } from './stream-records.js';

/** The one message the server sends: "something you may see changed; read your feed". */
export const POKE = JSON.stringify({ type: 'changed' } satisfies LiveMessage);

// Records are read, and connections posted to, this many at a time: a batch of 100 records
// fans out to a few hundred DynamoDB calls and posts, which one by one would take seconds.
const CONCURRENCY = 16;

/** What the pusher needs: the table (for audiences), this region's connections and a way to post. */
export interface PushDependencies {
  table: Table;
  connections: LiveConnections;
  poster: ConnectionPoster;
  /** Told of each failure that does not fail the batch (a post, a gone connection's delete). */
  onError?: (message: string, error: unknown, details: Record<string, unknown>) => void;
}

/** What one batch did: Lambda's answer, and the counts the pusher logs and records. */
export interface PushReport {
  response: DynamoDBBatchResponse;
  records: number;
  people: number;
  pokes: number;
  goneConnections: number;
  failedPokes: number;
  /** The records Lambda will send again: the first unread one and every one after it. */
  failedRecords: number;
  /** Why the first unread record could not be read. */
  failure?: unknown;
}

type Target = { personId: string; connectionId: string };
type Read = { ok: true; targets: Target[] } | { ok: false; error: unknown };

/**
 * Pokes every connection, in this region, of everyone who may see a change of the batch, once
 * per batch however many of its records concern them. Stream records of a shard are in order,
 * and Lambda resends a batch from the first failure it is told of: so a record whose audience
 * (or their connections) cannot be read is reported, with the records after it left for the
 * retry, and only those before it are poked now. A connection found gone is deleted; a post
 * that fails otherwise is left (its client reads the feed at its next poke or reconnect) and
 * never fails the batch.
 */
export async function pushChanges(
  records: readonly DynamoDBRecord[],
  deps: PushDependencies,
): Promise<PushReport> {
  const connectionsOf = memoized((personId: string) => deps.connections.of(personId));
  const reads = await pMap(records, (record) => readTargets(record, deps.table, connectionsOf), {
    concurrency: CONCURRENCY,
  });
  const firstFailed = reads.findIndex((read) => !read.ok);
  const readable = firstFailed < 0 ? reads : reads.slice(0, firstFailed);
  const targets = new Map<string, Target>();
  for (const read of readable)
    if (read.ok) for (const target of read.targets) targets.set(target.connectionId, target);
  const outcomes = await pMap(targets.values(), (target) => poke(target, deps), { concurrency: CONCURRENCY });
  const failed = firstFailed < 0 ? undefined : records[firstFailed];
  const failedRead = firstFailed < 0 ? undefined : reads[firstFailed];
  return {
    response: { batchItemFailures: failed ? [{ itemIdentifier: sequenceNumberOf(failed) }] : [] },
    records: records.length,
    people: new Set([...targets.values()].map((target) => target.personId)).size,
    pokes: outcomes.filter((outcome) => outcome === 'sent').length,
    goneConnections: outcomes.filter((outcome) => outcome === 'gone').length,
    failedPokes: outcomes.filter((outcome) => outcome === 'failed').length,
    failedRecords: firstFailed < 0 ? 0 : records.length - firstFailed,
    ...(failedRead && !failedRead.ok ? { failure: failedRead.error } : {}),
  };
}

/** The connections a record's change must reach, or why they could not be read. */
async function readTargets(
  record: DynamoDBRecord,
  table: Table,
  connectionsOf: (personId: string) => Promise<string[]>,
): Promise<Read> {
  const changed = changedItemOf(record);
  if (!changed) return { ok: true, targets: [] };
  try {
    const people = [...(await audienceOf(table, changed))];
    const lists = await Promise.all(
      people.map(async (personId) =>
        (await connectionsOf(personId)).map((connectionId) => ({ personId, connectionId })),
      ),
    );
    return { ok: true, targets: lists.flat() };
  } catch (error) {
    return { ok: false, error };
  }
}

async function poke(target: Target, deps: PushDependencies): Promise<'sent' | 'gone' | 'failed'> {
  try {
    if ((await deps.poster.post(target.connectionId, POKE)) === 'sent') return 'sent';
  } catch (error) {
    deps.onError?.('could not poke a live connection', error, { ...target });
    return 'failed';
  }
  try {
    await deps.connections.close(target.personId, target.connectionId);
  } catch (error) {
    // Its TTL removes it anyway; the next post finds it gone again.
    deps.onError?.('could not forget a gone live connection', error, { ...target });
  }
  return 'gone';
}

/** One call per key, its promise shared by every caller (a person in many records of a batch). */
function memoized<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const reads = new Map<string, Promise<T>>();
  return (key) => {
    let pending = reads.get(key);
    if (!pending) {
      pending = read(key);
      reads.set(key, pending);
    }
    return pending;
  };
}
