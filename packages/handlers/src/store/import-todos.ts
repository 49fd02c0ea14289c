import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TodoCreate } from '@todolist/sdk/contract';
import { type BatchOptions, chunks, untilProcessed } from './batch-retry.js';
import { existingIds } from './existing-ids.js';
import { newTodoItem } from './todo-item.js';

/** DynamoDB's limit of writes per BatchWriteItem. */
const WRITES_PER_BATCH = 25;
/** Chunks written at once, so one import does not take all of a table's capacity. */
const CHUNKS_IN_FLIGHT = 4;

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

export interface ImportOptions extends BatchOptions {
  now: string;
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
 * a range Query (BatchGetItem where the range is crowded) finds the ids already there, then
 * BatchWriteItem writes the rest, 25 at a time, a few chunks in parallel, retrying unprocessed
 * items with backoff.
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
