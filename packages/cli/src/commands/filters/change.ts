import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { checkFilter } from '../../filter-words.js';
import { resolveSavedFilter } from '../../filters/saved-filter-book.js';
import { quotedName } from '../../named-lookup.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';
import { safeText } from '../../output/safe-text.js';
import { shellWord } from '../../output/shell-word.js';

export interface FiltersEditFlags extends OutputFlags {
  name?: string;
  filter?: string;
}

/** `todo filters add`: saves a filter under a name; one that does not parse is exit 2, with where. */
export async function runFiltersAdd(
  context: Context,
  name: string,
  query: string,
  flags: OutputFlags,
): Promise<void> {
  const mode = outputMode(flags);
  await checkFilter(query, 'the filter');
  const client = await context.client();
  const saved = await client.filters.create({ name, query }, { signal: context.signal });
  if (mode !== 'human') return printData(context.io, mode, saved, false);
  context.io.err(
    `${context.io.color.green('Saved filter')} ${quotedName(saved)}: ${safeText(saved.query)}; "todo list --saved ${shellWord(saved.name)}" lists it`,
  );
}

/** `todo filters edit`: renames a saved filter or changes its query, on the version read. */
export async function runFiltersEdit(context: Context, ref: string, flags: FiltersEditFlags): Promise<void> {
  const mode = outputMode(flags);
  if (flags.name === undefined && flags.filter === undefined)
    throw new UsageError('say what changes: --name <name>, --filter <filter>, or both');
  if (flags.filter !== undefined) await checkFilter(flags.filter, '--filter');
  const saved = await resolveSavedFilter(context, ref);
  const client = await context.client();
  const patch = {
    ...(flags.name === undefined ? {} : { name: flags.name }),
    ...(flags.filter === undefined ? {} : { query: flags.filter }),
  };
  const changed = await client.filters.update(saved.id, patch, {
    ifMatch: saved.version,
    signal: context.signal,
  });
  if (mode !== 'human') return printData(context.io, mode, changed, false);
  context.io.err(`Changed saved filter ${quotedName(changed)}: ${safeText(changed.query)}`);
}

/** `todo filters rm`: deletes a saved filter (its todos are not touched: it only names a query). */
export async function runFiltersRm(context: Context, ref: string): Promise<void> {
  const saved = await resolveSavedFilter(context, ref);
  const client = await context.client();
  await client.filters.delete(saved.id, { ifMatch: saved.version, signal: context.signal });
  context.io.err(`${context.io.color.red('Deleted saved filter')} ${quotedName(saved)}; no todo was changed`);
}
