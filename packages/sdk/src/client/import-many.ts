import * as endpoints from '../contract/endpoints.js';
import {
  type FieldError,
  summarizeFieldErrors,
  TodoImportItem,
  TodoImportResponse,
  toFieldErrors,
} from '../contract/index.js';
import { MAX_IMPORT_ITEMS } from '../contract/limits.js';
import { importItemId, newImportId } from './import-ids.js';
import type { AnswerOf, Transport } from './transport.js';

/** Options of {@link TodosResource.importMany}. */
export interface ImportOptions {
  /** Names the import: the same id on a re-run gives every item the same todo id again. @default a new one */
  importId?: string;
  /** Items per request, 1–{@link MAX_IMPORT_ITEMS} (100). @default MAX_IMPORT_ITEMS */
  batchSize?: number;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each request with the counts so far. */
  onProgress?: (progress: ImportProgress) => void;
}

/** How far an import has come. */
export interface ImportProgress {
  /** Items read from the source so far. */
  read: number;
  created: number;
  existing: number;
  rejected: number;
}

/** An item the import refused, by its position in the source (from 0). */
export interface RejectedItem {
  index: number;
  error: { message: string; fieldErrors: readonly FieldError[] };
}

/** What an import did: todos created now, already there from an earlier run, and refused. */
export interface ImportSummary {
  importId: string;
  created: number;
  existing: number;
  rejected: RejectedItem[];
}

type Batch = { number: number; items: { index: number; item: unknown }[] };

async function* batchesOf(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  size: number,
): AsyncGenerator<Batch> {
  let items: Batch['items'] = [];
  let index = 0;
  let number = 0;
  for await (const item of source) {
    items.push({ index: index++, item });
    if (items.length === size) {
      yield { number: number++, items };
      items = [];
    }
  }
  if (items.length > 0) yield { number, items };
}

/**
 * Sends the items of `source` in batches of `batchSize`, `concurrency` requests at a time,
 * reading the source only as fast as batches go out, so memory stays flat however long it is.
 */
export async function importMany(
  transport: Transport,
  source: Iterable<unknown> | AsyncIterable<unknown>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const importId = options.importId ?? newImportId();
  const batchSize = Math.min(
    Math.max(1, Math.floor(options.batchSize ?? MAX_IMPORT_ITEMS)),
    MAX_IMPORT_ITEMS,
  );
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const progress: ImportProgress = { read: 0, created: 0, existing: 0, rejected: 0 };
  const rejected: RejectedItem[] = [];
  const { method, path } = endpoints.importTodos;

  async function send(batch: Batch): Promise<void> {
    const sent: { index: number; item: Record<string, unknown> }[] = [];
    for (const { index, item } of batch.items) {
      const withId = { ...(item as Record<string, unknown>) };
      withId.id ??= importItemId(importId, index);
      const parsed = TodoImportItem.safeParse(withId);
      if (parsed.success) sent.push({ index, item: parsed.data });
      else {
        const fieldErrors = toFieldErrors(parsed.error);
        rejected.push({ index, error: { message: summarizeFieldErrors(fieldErrors), fieldErrors } });
        progress.rejected++;
      }
    }
    if (sent.length > 0) {
      const { data } = await transport.send({
        method,
        path,
        json: { items: sent.map(({ item }) => item) },
        // The batch is idempotent by its items' ids; the key lets the transport retry it.
        headers: { 'Idempotency-Key': `${importId}.${batch.number}` },
        signal: options.signal,
        answer: TodoImportResponse satisfies AnswerOf<'importTodos'>,
      });
      countAnswer(data, sent);
    }
    options.onProgress?.({ ...progress });
  }

  function countAnswer(answer: TodoImportResponse, sent: { index: number }[]): void {
    for (const result of answer.results) {
      const index = sent[result.index]?.index ?? result.index;
      if (result.status === 'rejected') {
        rejected.push({
          index,
          error: { message: result.error?.message ?? 'refused', fieldErrors: result.error?.errors ?? [] },
        });
        progress.rejected++;
      } else progress[result.status]++;
    }
  }

  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for await (const batch of batchesOf(source, batchSize)) {
    if (failure) break;
    progress.read += batch.items.length;
    const request = send(batch).catch((error: unknown) => {
      failure ??= error;
    });
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  rejected.sort((a, b) => a.index - b.index);
  return { importId, created: progress.created, existing: progress.existing, rejected };
}
