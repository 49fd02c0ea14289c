import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { IMPORT_APPS, type ImportApp } from './apps/apps.js';
import type { ImportFormat } from './choices.js';
import { formatOf, readRows, type SourceRow } from './read-rows.js';
import type { parseColumnMap } from './to-todo.js';

/** What `todo import` is given: one of its own formats, or another app's file (`--from`). */
export type ImportSource = { format: ImportFormat } | { app: ImportApp };

/** The flags that say what the file is. */
interface SourceFlags {
  format?: string;
  from?: string;
  map?: string;
}

/**
 * The rows with the first one read already, so that a file refused whole (a CSV without a title
 * column, a CSV that is no Todoist export) is refused once, before anything is recorded or sent.
 */
async function primedRows(
  rows: AsyncIterable<SourceRow>,
  check: (first: SourceRow) => void = () => undefined,
): Promise<AsyncIterable<SourceRow>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (!first.done) check(first.value);
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** The rows of a CSV, JSON or NDJSON file; a CSV without a title column refused at once. */
async function checkedRows(
  file: string,
  format: ImportFormat,
  columnMap: ReturnType<typeof parseColumnMap>,
): Promise<AsyncIterable<SourceRow>> {
  const { checkTitleColumn } = await import('./to-todo.js');
  return primedRows(readRows(file, format), (first) => {
    if (first.columns) checkTitleColumn(file, first.columns, columnMap);
  });
}

/** The rows of the file: another app's (`--from`), read by its reader, or the importer's own formats. */
export async function sourceRows(
  context: Context,
  file: string,
  source: ImportSource,
  columnMap: ReturnType<typeof parseColumnMap>,
) {
  if ('format' in source)
    return { rows: await checkedRows(file, source.format, columnMap), notices: undefined };
  const { appRows } = await import('./apps/from-app.js');
  const { rows, notices } = await appRows(context, source.app, file);
  return { rows: await primedRows(rows), notices };
}

/** What the file is: one of the importer's formats, or another app's file (`--from`). */
export function sourceOf(file: string, flags: SourceFlags): ImportSource {
  if (!flags.from) return { format: formatOf(file, flags.format) };
  if (flags.format || flags.map)
    throw new UsageError(
      `--from ${flags.from} reads that app's own format: give no --format or --map with it`,
    );
  if (!(IMPORT_APPS as readonly string[]).includes(flags.from))
    throw new UsageError(`--from must be ${IMPORT_APPS.join(', ')} (got "${flags.from}")`);
  return { app: flags.from as ImportApp };
}
