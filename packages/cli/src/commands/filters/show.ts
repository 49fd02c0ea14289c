import type { Context } from '../../context.js';
import { savedFilters } from '../../filters/saved-filter-book.js';
import { printColumns } from '../../output/columns.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';
import { safeText } from '../../output/safe-text.js';

/** `todo filters`: the saved filters, oldest first, each with its query. */
export async function runFiltersShow(context: Context, flags: OutputFlags): Promise<void> {
  const mode = outputMode(flags);
  const filters = await savedFilters(context);
  if (mode !== 'human') return printData(context.io, mode, filters, true);
  if (filters.length === 0) {
    context.io.err(`No saved filters. Save one with: todo filters add <name> '<filter>'`);
    return;
  }
  printColumns(context.io, [
    ['NAME', 'FILTER'],
    ...filters.map((filter) => [safeText(filter.name), safeText(filter.query)]),
  ]);
}
