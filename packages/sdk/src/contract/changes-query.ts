import * as z from 'zod/mini';
import { DEFAULT_CHANGES_PAGE_SIZE, MAX_CHANGES_CURSOR_LENGTH } from './limits.js';
import { PageSize } from './list.js';

// The query of the changes feed, apart from its answer (changes.ts): a client checks the answer
// and leaves the query to the API, so its bundle need not carry this.

const PASS_CURSOR_BACK = 'pass back the cursor exactly as received';

/** A position in the changes feed, from a previous answer's `cursor`: opaque to clients. */
export const ChangeCursor = z
  .string()
  .check(
    z.minLength(1, 'since must not be empty'),
    z.maxLength(MAX_CHANGES_CURSOR_LENGTH, `since is too long: ${PASS_CURSOR_BACK}`),
    z.regex(/^[A-Za-z0-9_-]+$/, `since is malformed: ${PASS_CURSOR_BACK}`),
  );

/**
 * The query of `listChanges`. Without `since`, the answer holds no changes, only a cursor for
 * now: read every list and todo after asking for it, then follow it, and nothing is missed.
 */
export const ChangesQuery = z.strictObject({
  since: z.optional(ChangeCursor),
  limit: z._default(PageSize, DEFAULT_CHANGES_PAGE_SIZE),
});
export type ChangesQuery = z.input<typeof ChangesQuery>;
export type ChangesFilter = z.output<typeof ChangesQuery>;
