import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TodoCreate } from '@todolist/sdk/contract';
import { TodoApiError } from '../http/errors.js';
import { idFromSortKey, todoKey } from './keys.js';
import { newTodoItem } from './todo-item.js';

/** DynamoDB's own limits: 25 writes per BatchWriteItem, 100 keys per BatchGetItem. */
const WRITES_PER_BATCH = 25;
const READS_PER_BATCH = 100;
/** Chunks written at once, so one import does not take all of a table's capacity. */
const CHUNKS_IN_FLIGHT = 4;
/** Tries of unprocessed items before the import is answered 503 (the client sends it again). */
const MAX_ATTEMPTS = 8;

/** One item to import, already checked: its id and what to create. */
export interface ImportEntry {
  id: string;
  input: TodoCreate;
}

/** What the import did with each id. */
export interface ImportOutcome {
  created: Set<string>;
  existing: Set<string>;
}

export interface ImportOptions {
  tableName: string;
  now: string;
  /** Waits between retries of unprocessed items; replaceable in tests. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, index * size + size),
  );
}

// Full jitter up to 50 ms × 2^(attempt-2), at most 2 s: DynamoDB's advice for unprocessed items.
const backoffMs = (attempt: number) => Math.random() * Math.min(2000, 50 * 2 ** (attempt - 2));

const unavailable = () =>
  new TodoApiError(
    'service_unavailable',
    'the table is busy and some todos were not written: send the same import again',
    { headers: { 'Retry-After': '1' } },
  );

/**
 * Sends `work` and again with what DynamoDB left unprocessed, backing off between tries, until
 * nothing is left; a 503 after {@link MAX_ATTEMPTS} tries. `send` answers what is left.
 */
async function untilProcessed<Work>(
  work: Work[],
  send: (pending: Work[]) => Promise<Work[]>,
  options: ImportOptions,
): Promise<void> {
  let pending = work;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw unavailable();
    if (attempt > 1) await (options.sleep ?? defaultSleep)(backoffMs(attempt));
    pending = await send(pending);
  }
}

async function existingIds(
  client: DynamoDBDocumentClient,
  ownerId: string,
  ids: string[],
  options: ImportOptions,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const group of chunks(ids, READS_PER_BATCH)) {
    const keys: Record<string, unknown>[] = group.map((id) => todoKey(ownerId, id));
    await untilProcessed(
      keys,
      async (pending) => {
        const answer = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [options.tableName]: { Keys: pending, ProjectionExpression: 'sk', ConsistentRead: true },
            },
          }),
        );
        for (const item of answer.Responses?.[options.tableName] ?? [])
          found.add(idFromSortKey(String(item.sk)));
        return (answer.UnprocessedKeys?.[options.tableName]?.Keys ?? []) as Record<string, unknown>[];
      },
      options,
    );
  }
  return found;
}

function writeChunk(
  client: DynamoDBDocumentClient,
  requests: Record<string, unknown>[],
  options: ImportOptions,
) {
  return untilProcessed(
    requests,
    async (pending) => {
      const answer = await client.send(
        new BatchWriteCommand({ RequestItems: { [options.tableName]: pending } }),
      );
      return (answer.UnprocessedItems?.[options.tableName] ?? []) as Record<string, unknown>[];
    },
    options,
  );
}

/**
 * Creates the todos whose ids the owner does not have yet, with DynamoDB's batch operations:
 * one BatchGetItem finds the ids already there, then BatchWriteItem writes the rest, 25 at a
 * time, a few chunks in parallel, retrying unprocessed items with backoff.
 *
 * BatchWriteItem cannot be conditional (and dynalite has no transactions), so "never
 * overwrite" rests on the read before the write: an item that exists is never written. Only
 * the same item sent twice at the same moment can be written twice, with the same content.
 */
export async function importTodos(
  client: DynamoDBDocumentClient,
  ownerId: string,
  entries: readonly ImportEntry[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  // The first item of an id is the one created (a batch may not name a key twice).
  const byId = new Map<string, ImportEntry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const unique = [...byId.values()];
  const existing = await existingIds(
    client,
    ownerId,
    unique.map((entry) => entry.id),
    options,
  );
  const fresh = unique.filter((entry) => !existing.has(entry.id));
  const requests = fresh.map((entry) => ({
    PutRequest: { Item: newTodoItem(ownerId, entry.id, entry.input, options.now) },
  }));
  const groups = chunks(requests, WRITES_PER_BATCH);
  for (let start = 0; start < groups.length; start += CHUNKS_IN_FLIGHT) {
    // allSettled: a 503 is answered only once no chunk is still writing, so nothing lands after it.
    const settled = await Promise.allSettled(
      groups.slice(start, start + CHUNKS_IN_FLIGHT).map((group) => writeChunk(client, group, options)),
    );
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
  return { created: new Set(fresh.map((entry) => entry.id)), existing };
}
