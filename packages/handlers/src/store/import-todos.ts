import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TodoCreate } from '@todolist/sdk/contract';
import pMap from 'p-map';
import { type BatchOptions, isThrottled, tableBusy } from './batch-retry.js';
import { GONE } from './change-stamp.js';
import { existingIds } from './existing-ids.js';
import { writeIf } from './table.js';
import { newTodoItem, type TodoPlace } from './todo-item.js';

/** Writes in flight at once, so one import does not take all of a table's capacity. */
const WRITES_IN_FLIGHT = 25;

/** One item to import, already checked: its id, what to create, and where. */
export interface ImportEntry {
  id: string;
  input: TodoCreate;
  place: TodoPlace;
}

/** What the import did with each id. */
export interface ImportOutcome {
  created: Set<string>;
  existing: Set<string>;
}

export interface ImportOptions extends BatchOptions {
  now: string;
  /** Who imports: the todos' author. */
  by: string;
}

/** Creates the todo unless its id exists: answers whether this write created it. */
async function createUnlessPresent(
  client: DynamoDBDocumentClient,
  ownerId: string,
  entry: ImportEntry,
  options: ImportOptions,
): Promise<boolean> {
  try {
    return await writeIf(
      client,
      new PutCommand({
        TableName: options.tableName,
        Item: newTodoItem(ownerId, entry.id, entry.input, options.now, entry.place, options.by),
        // A tombstone's id may come back: the todo was deleted, and this import makes it again.
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(#gone)',
        ExpressionAttributeNames: { '#gone': GONE },
      }),
    );
  } catch (error) {
    if (isThrottled(error)) throw tableBusy(error);
    throw error;
  }
}

/**
 * Creates the todos whose ids the partition's owner does not have yet (all of one partition). A range Query (BatchGetItem where the
 * range is crowded) first finds the ids already there, so sending an import again writes
 * nothing; then each of the rest is a PutItem conditional on its absence, 25 in flight.
 *
 * Not BatchWriteItem, which was faster but cannot be conditional: an item created between the
 * read and the write (the same import sent again by a client that timed out, or a concurrent
 * one) was overwritten, a PATCH confirmed in between included. The condition makes the write
 * itself decide: of 20 imports of one id at once, one creates it and 19 find it existing.
 */
export async function importTodos(
  client: DynamoDBDocumentClient,
  ownerId: string,
  entries: readonly ImportEntry[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  // The first item of an id is the one created; later ones are "existing".
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
  // Every write settles before the answer (stopOnError: false), so nothing lands after a 503.
  const made = await pMap(fresh, (entry) => createUnlessPresent(client, ownerId, entry, options), {
    concurrency: WRITES_IN_FLIGHT,
    stopOnError: false,
  }).catch((error: unknown) => {
    throw error instanceof AggregateError ? error.errors[0] : error;
  });
  // In the order given, as the answer lists them.
  const created = new Set(fresh.filter((_, index) => made[index]).map((entry) => entry.id));
  for (const entry of fresh) if (!created.has(entry.id)) existing.add(entry.id);
  return { created, existing };
}
