import type { SavedFilter } from '@todolist/sdk';
import type { Context } from '../context.js';
import { findNamed } from '../named-lookup.js';

const SAVED_FILTER_WORDS = {
  one: 'saved filter',
  many: 'saved filters',
  hint: '"todo filters" shows them, "todo filters add <name> <filter>" saves one',
};

/** The person's saved filters (at most 50: one request), oldest first. */
export async function savedFilters(context: Context): Promise<SavedFilter[]> {
  const client = await context.client();
  return (await client.filters.list({ signal: context.signal })).items;
}

/**
 * The saved filter `ref` names: its name or an unambiguous prefix of one (any case), or its id;
 * ambiguous is exit 2 naming the candidates, unknown exit 3.
 */
export async function resolveSavedFilter(context: Context, ref: string): Promise<SavedFilter> {
  return findNamed(await savedFilters(context), ref, SAVED_FILTER_WORDS);
}
