import {
  routes,
  summarizeFieldErrors,
  TodoImportItem,
  type TodoImportResult,
  toFieldErrors,
} from '@todolist/sdk/contract';
import { monotonicFactory } from 'ulid';
import { config, documentClient } from '../container.js';
import { defineRoute } from '../http/define-route.js';
import { json } from '../http/responses.js';
import { type ImportEntry, importTodos } from '../store/import-todos.js';

// Monotonic, so the todos of one import that give no id list in the order they were sent even
// when many get their ULID in the same millisecond.
const newId = monotonicFactory();

/**
 * `POST /v1/todos/batch`: a bulk import. Each item is checked alone: a bad one is reported
 * "rejected" with its reasons while the good ones go in; an id already present is "existing"
 * and left untouched, so sending the same import again changes nothing.
 */
export const handler = defineRoute(routes.importTodos, async ({ ownerId, body }) => {
  const results: TodoImportResult[] = [];
  const entries: (ImportEntry & { index: number })[] = [];
  body.items.forEach((raw, index) => {
    const parsed = TodoImportItem.safeParse(raw);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
      results[index] = {
        index,
        id,
        status: 'rejected',
        error: { message: summarizeFieldErrors(errors), errors },
      };
      return;
    }
    const { id, ...input } = parsed.data;
    entries.push({ index, id: id ?? newId(), input });
  });
  const outcome = await importTodos(documentClient, ownerId, entries, {
    tableName: config.tableName,
    now: new Date().toISOString(),
  });
  // An id given twice in one request is one todo: created by its first item, "existing" after.
  const seen = new Set<string>();
  for (const { index, id } of entries) {
    const created = outcome.created.has(id) && !seen.has(id);
    seen.add(id);
    results[index] = { index, id, status: created ? 'created' : 'existing' };
  }
  const count = (status: TodoImportResult['status']) =>
    results.filter((result) => result.status === status).length;
  return json(200, {
    results,
    created: count('created'),
    existing: count('existing'),
    rejected: count('rejected'),
  });
});
