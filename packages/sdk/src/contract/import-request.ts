import * as z from 'zod/mini';
import { MAX_IMPORT_ITEMS } from './limits.js';

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
