import * as z from 'zod/mini';
import { filterText } from './filter/parse.js';
import { MAX_SAVED_FILTER_NAME_LENGTH } from './limits.js';
import { oneLineText, SINGLE_LINE, Timestamp } from './text.js';
import { ulidId } from './ulid.js';

// A saved filter: a named query in the filter language (contract/filter), kept by one person,
// such as `{ name: 'Work today', query: '(today | overdue) & #work' }`. A client runs it as
// `filter=` on listTodos, or with filterMatches on its own copy of the todos.

/** A saved filter's id: a ULID, as every id the API makes. */
export const SavedFilterId = ulidId('filterId');

/** A saved filter's name: trimmed, 1 to {@link MAX_SAVED_FILTER_NAME_LENGTH} characters, on one line. */
export const SavedFilterName = oneLineText('name', MAX_SAVED_FILTER_NAME_LENGTH);

/**
 * A saved filter's query: a filter that parses, else the parser's error with where it is
 * (`query: "&" or "|" expected between two filters (at character 7)`). Kept as written, not
 * trimmed, so that position is the caller's own; on one line, as a name is.
 */
export const SavedFilterQuery = filterText('query').check(
  z.regex(SINGLE_LINE, 'query must be a single line without control characters'),
);

/**
 * A saved filter as the API returns it. Its query is not parsed again here: a newer server may
 * know filter words this client does not, and the answer must still be read.
 */
export const SavedFilter = z.object({
  id: SavedFilterId,
  name: z.string(),
  query: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.int().check(z.minimum(1)),
});
export type SavedFilter = z.infer<typeof SavedFilter>;

/** The body of `createFilter`. */
export const SavedFilterCreate = z.strictObject({ name: SavedFilterName, query: SavedFilterQuery });
export type SavedFilterCreate = z.input<typeof SavedFilterCreate>;

/** The body of `updateFilter`: a new name, a new query, or both. */
export const SavedFilterPatch = z
  .strictObject({ name: z.optional(SavedFilterName), query: z.optional(SavedFilterQuery) })
  .check(
    z.refine((patch) => Object.keys(patch).length > 0, {
      error: 'a patch must change at least one of name, query',
    }),
  );
export type SavedFilterPatch = z.input<typeof SavedFilterPatch>;

/**
 * All of the caller's saved filters, oldest first: there are at most `MAX_SAVED_FILTERS` (50), so
 * one page holds them and there is no cursor.
 */
export const SavedFilterPage = z.object({ items: z.array(SavedFilter) });
export type SavedFilterPage = z.infer<typeof SavedFilterPage>;

/** The path parameters of the routes on one saved filter. */
export const SavedFilterPathParams = z.strictObject({ filterId: SavedFilterId });
