import { MAX_PAGE_SIZE } from '../contract/limits.js';

/** A page of a listing, as every list route answers it. */
interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** A listing's query as sent: a `null` or absent cursor is left out (the first page). */
export function withCursor<Query extends { cursor?: string | null }>(
  query: Query,
): Omit<Query, 'cursor'> & { cursor?: string } {
  const { cursor, ...rest } = query;
  return cursor === null || cursor === undefined ? rest : { ...rest, cursor };
}

/**
 * Every item of a listing, page after page, following the cursors: MAX_PAGE_SIZE (100) a page
 * unless `query.limit` says otherwise. Stops fetching when the caller stops reading.
 */
export async function* everyItem<Item, Query extends { limit?: number }>(
  listPage: (query: Query & { limit: number; cursor?: string }) => Promise<Page<Item>>,
  query: Query,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | null = null;
  do {
    // Not a default spread over by `query`: `{ limit: undefined }` would undo it and page by 25.
    const limit = query.limit ?? MAX_PAGE_SIZE;
    const page: Page<Item> = await listPage({ ...query, limit, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
