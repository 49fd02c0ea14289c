import * as z from 'zod/mini';
import { FilterQuery } from './filter/parse.js';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from './limits.js';
import { ListId } from './list-id.js';
import { mustBeOneOf } from './messages.js';
import { SearchQuery } from './search.js';
import { TimeZone } from './time-zone.js';
import { DueDate, Tag, Todo } from './todo.js';
import { coercedNumber } from './zod-factories.js';

const STATUSES = ['all', 'open', 'completed'] as const;

/** Which todos a list shows by completion. */
export const TodoStatus = z.enum(STATUSES, { error: mustBeOneOf('status', STATUSES) });
export type TodoStatus = z.infer<typeof TodoStatus>;

const SORTS = ['created', 'manual', 'due', 'priority'] as const;

/**
 * The order of a listing: creation (oldest first); a list's own order as its people set it;
 * due (the earliest day first, a day's timed todos by time before its untimed ones, todos with
 * no day last; then priority, then creation), so overdue and today come first; or priority
 * (high first, then as due).
 */
export const TodoSort = z.enum(SORTS, { error: mustBeOneOf('sort', SORTS) });
export type TodoSort = z.infer<typeof TodoSort>;

const PASS_CURSOR_BACK = 'pass back nextCursor exactly as received';

/** An opaque cursor from a previous page's `nextCursor`. */
export const Cursor = z
  .string()
  .check(
    z.minLength(1, 'cursor must not be empty'),
    z.maxLength(MAX_CURSOR_LENGTH, `cursor is too long: ${PASS_CURSOR_BACK}`),
    z.regex(/^[A-Za-z0-9_.-]+$/, `cursor is malformed: ${PASS_CURSOR_BACK}`),
  );

const PAGE_SIZE_MESSAGE = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`;

// A number from code, or the string of one from a query: plain decimal digits only (no "0x10",
// "1e1" or " 5").
/** A page size: a number from code, or its decimal string from a query. */
export const PageSize = z.pipe(
  z.union([z.number(PAGE_SIZE_MESSAGE), z.string().check(z.regex(/^\d{1,3}$/, PAGE_SIZE_MESSAGE))]),
  coercedNumber<number | string>().check(
    z.multipleOf(1, PAGE_SIZE_MESSAGE),
    z.minimum(1, PAGE_SIZE_MESSAGE),
    z.maximum(MAX_PAGE_SIZE, PAGE_SIZE_MESSAGE),
  ),
);

/**
 * The query of `listTodos`. Query values arrive as strings, so `limit` is coerced. Unknown
 * parameters are an error rather than ignored: a misspelt filter must not silently list everything.
 */
export const TodoListQuery = z
  .strictObject({
    /** One list's todos; without it, every todo the caller can see on lists that are not archived. */
    listId: z.optional(ListId),
    sort: z._default(TodoSort, 'created'),
    // dueBefore and dueAfter are exclusive: dueBefore=2026-12-01 lists todos due on or before Nov 30.
    status: z._default(TodoStatus, 'all'),
    tag: z.optional(Tag),
    dueBefore: z.optional(DueDate),
    dueAfter: z.optional(DueDate),
    /** Words that the title or notes must all hold, case and accents aside (`searchWords`). */
    q: z.optional(SearchQuery),
    /** A filter in the filter language (`today & #work`, contract/filter), evaluated as every client evaluates it. */
    filter: z.optional(FilterQuery),
    /** The reader's zone, where the filter's days (today, overdue, next 7 days) are read: UTC when not given. */
    timeZone: z.optional(TimeZone),
    limit: z._default(PageSize, DEFAULT_PAGE_SIZE),
    cursor: z.optional(Cursor),
  })
  .check(
    z.refine((query) => query.sort !== 'manual' || query.listId !== undefined, {
      error: 'sort=manual orders one list: give listId too',
    }),
  );
export type TodoListQuery = z.input<typeof TodoListQuery>;
export type TodoListFilter = z.output<typeof TodoListQuery>;

/** One page of todos, in the order asked for; `nextCursor` is null on the last page. */
export const TodoPage = z.object({
  items: z.array(Todo),
  nextCursor: z.nullable(z.string()),
});
export type TodoPage = z.infer<typeof TodoPage>;
