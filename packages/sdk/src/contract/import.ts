import * as z from 'zod/mini';
import { MAX_IMPORT_ITEMS } from './limits.js';
import { FieldError } from './problem.js';
import { TodoCreate, TodoId } from './todo.js';

/**
 * One todo of a bulk import: a create, with the id it must have. An id makes the import safe to
 * send again: an item whose id exists already is left as it is, never duplicated or overwritten.
 */
export const TodoImportItem = z.extend(TodoCreate, { id: z.optional(TodoId) });
export type TodoImportItem = z.input<typeof TodoImportItem>;

/**
 * The body of `importTodos`. Items are checked one by one, so a bad item is reported in its
 * result while the good ones still go in.
 */
export const TodoImportRequest = z.strictObject({
  items: z
    .array(z.unknown())
    .check(
      z.minLength(1, 'items must hold at least one todo'),
      z.maxLength(MAX_IMPORT_ITEMS, `items must hold at most ${MAX_IMPORT_ITEMS} todos; split the import`),
    ),
});
export type TodoImportRequest = z.input<typeof TodoImportRequest>;

/** What happened to one item: created now, already there from an earlier import, or refused. */
export const TodoImportStatus = z.enum(['created', 'existing', 'rejected']);
export type TodoImportStatus = z.infer<typeof TodoImportStatus>;

export const TodoImportResult = z.object({
  /** The item's position in the request's `items`. */
  index: z.int(),
  /** The todo's id; null for a rejected item that gave none. */
  id: z.nullable(z.string()),
  status: TodoImportStatus,
  /** Why a rejected item was refused. */
  error: z.optional(z.object({ message: z.string(), errors: z.array(FieldError) })),
});
export type TodoImportResult = z.infer<typeof TodoImportResult>;

/** The answer of `importTodos`: one result per item, in order, and the counts. */
export const TodoImportResponse = z.object({
  results: z.array(TodoImportResult),
  created: z.int(),
  existing: z.int(),
  rejected: z.int(),
});
export type TodoImportResponse = z.infer<typeof TodoImportResponse>;
