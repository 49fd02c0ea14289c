import * as z from 'zod/mini';
import { FieldError } from './problem.js';
import { dayWithTimeAndRepeat, TodoCreate, TodoId } from './todo.js';

/**
 * One todo of a bulk import: a create, with the id it must have. An id makes the import safe to
 * send again: an item whose id exists already is left as it is, never duplicated or overwritten.
 */
// Spread rather than z.extend, which would bring zod's schema-merging code into the browser bundle.
export const TodoImportItem = z
  .strictObject({ ...TodoCreate.shape, id: z.optional(TodoId) })
  .check(dayWithTimeAndRepeat);
export type TodoImportItem = z.input<typeof TodoImportItem>;

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
