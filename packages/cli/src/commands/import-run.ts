// What `todo import` does, loaded only when it runs: its registration (import.ts) is in every
// run's start-up, `--help` and `--version` included.
import { rm } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import type { Context } from '../context.js';
import { TodoCliError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { PROGRESS_MODES, type ProgressMode } from '../import/choices.js';
import { chooseImportId, resumeCommand } from '../import/import-id.js';
import { progressReporter } from '../import/progress.js';
import { RejectsFile } from '../import/rejects-file.js';
import { RowIdBook } from '../import/row-ids.js';
import { sourceOf, sourceRows } from '../import/source-rows.js';
import { printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';

export interface ImportFlags {
  format?: string;
  from?: string;
  map?: string;
  rejects?: string;
  dryRun?: boolean;
  resume?: boolean;
  importId?: string;
  progress: string;
  json?: boolean;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Rejected rows go to `--rejects`, else beside a file; rows from a pipe are shown, never written unasked. */
async function openRejects(file: string, flags: ImportFlags): Promise<RejectsFile> {
  const rejects = new RejectsFile(flags.rejects ?? (file === '-' ? undefined : `${file}.rejects.ndjson`));
  // A rejects file left by an earlier run would be taken for this run's.
  if (rejects.path !== undefined) await rm(rejects.path, { force: true });
  return rejects;
}

/** Ends a run that rejected rows: the rows shown when there is no file, then exit 1 saying where they are. */
function failOnRejects(context: Context, rejects: RejectsFile, what: string, rest = ''): void {
  if (rejects.count === 0) return;
  for (const line of rejects.shown) context.io.err(safeText(line));
  const message = `${plural(rejects.count, 'row')} ${what} (${rejects.where()})${rest}`;
  throw new TodoCliError(message, EXIT_CODES.failure);
}

/** The lists of the `list` column, read once and made when missing. */
async function importLists(context: Context) {
  const [{ ImportLists }, { listBook }] = await Promise.all([
    import('../import/import-lists.js'),
    import('../lists/list-book.js'),
  ]);
  return new ImportLists(await listBook(context), await context.client(), context.signal);
}

/** `todo import`: many todos from a CSV, JSON or NDJSON file, safe to stop and resume. */
export async function runImport(context: Context, file: string, flags: ImportFlags): Promise<void> {
  const source = sourceOf(file, flags);
  // The rows' checks are the contract's (zod): loaded for this command only, as the SDK is.
  const [{ parseColumnMap }, { todosOfRows }] = await Promise.all([
    import('../import/to-todo.js'),
    import('../import/rows-to-todos.js'),
  ]);
  const columnMap = parseColumnMap(flags.map);
  if (!(PROGRESS_MODES as readonly string[]).includes(flags.progress))
    throw new UsageError(`--progress must be auto, json or none (got "${flags.progress}")`);
  const { importId, journaled, begin, done } = await chooseImportId(context, file, flags);
  const { rows, notices } = await sourceRows(context, file, source, columnMap);
  // Each row makes short-lived garbage, and V8's default heap growth (tuned for speed) let a
  // 100,000-row import peak at twice the memory of a 10,000-row one while its live heap stayed
  // under 20 MB. Sizing the heap for memory keeps the peak flat (1.1× in the benchmark) at no
  // cost in time: the API's writes, not this process, set the pace.
  setFlagsFromString('--optimize-for-size');
  const sdk = await import('@todolist/sdk');
  const newId = (index: number) => sdk.importItemId(importId, index);
  const name = file === '-' ? 'standard input' : safeText(file);
  // A file (not a pipe, not an import the user named) finds the rows an earlier copy sent.
  const book =
    file === '-' || flags.importId
      ? undefined
      : await RowIdBook.open({
          cacheDir: context.paths.cacheDir,
          profile: (await context.profile()).name,
          file,
          newId,
          record: !flags.dryRun,
        });
  if (book?.hasEarlierRows && !journaled)
    context.io.err(
      `"${name}" changed since it was last imported: rows imported then are left as they are; new and changed rows are added.`,
    );
  const rejects = await openRejects(file, flags);
  // A dry run sends nothing: the lists a `list` column names are looked up, and made, only for real.
  const lists = flags.dryRun ? undefined : await importLists(context);
  const todos = todosOfRows(rows, {
    columnMap,
    now: context.now(),
    rejects,
    book,
    newId,
    ...(lists ? { listIdOf: (name: string) => lists.idOf(name) } : {}),
  });

  // What both a dry run and an import report of the rows refused and of what a todo could not hold.
  const refusals = () => ({
    rejected: rejects.count,
    rejectsFile: rejects.count ? (rejects.path ?? null) : null,
    ...notices?.summary(rejects.lines),
  });
  const printNotices = () => {
    for (const line of notices?.lines() ?? []) context.io.err(safeText(line));
  };

  if (flags.dryRun) {
    for await (const _ of todos.items());
    await book?.close();
    await rejects.close();
    const summary = { dryRun: true, valid: todos.valid, ...refusals() };
    if (flags.json) printData(context.io, 'json', summary, false);
    else {
      printNotices();
      context.io.err(`Dry run: ${plural(todos.valid, 'row')} would be imported, ${rejects.count} rejected.`);
    }
    return failOnRejects(context, rejects, 'would be rejected');
  }

  await begin();
  const reporter = await progressReporter(context.io, flags.progress as ProgressMode, undefined);
  const client = await context.client();
  let summary: Awaited<ReturnType<typeof client.todos.importMany>>;
  try {
    summary = await client.todos.importMany(todos.items(), {
      importId,
      signal: context.signal,
      onProgress: (progress) => reporter.update(progress),
    });
  } catch (error) {
    reporter.stop();
    await book?.close();
    await rejects.close();
    if (file !== '-')
      context.io.err(
        `The import stopped; nothing is lost. Continue it with: ${resumeCommand(file, flags.from)}`,
      );
    throw error;
  }
  reporter.stop();
  for (const item of summary.rejected) {
    const line = todos.lineOfSent[item.index] ?? 0;
    rejects.add({ index: item.index, line, row: {} }, item.error.message, [...item.error.fieldErrors]);
  }
  await rejects.close();
  await book?.commit();
  await done();
  const result = {
    importId,
    created: summary.created,
    existing: summary.existing,
    ...refusals(),
  };
  if (flags.json) printData(context.io, 'json', result, false);
  else {
    printNotices();
    const already = summary.existing ? `, ${summary.existing} already there` : '';
    // From another app, the lines rejected are named: its rows are not the ones of the rejects file.
    const at = notices && rejects.count ? ` (${notices.linesText(rejects.lines)})` : '';
    const refused = rejects.count ? `; ${plural(rejects.count, 'row')} rejected${at}` : '';
    const made = lists?.made.length
      ? `; made ${lists.made.length === 1 ? 'list' : 'lists'} ${lists.made.map((each) => `"${safeText(each)}"`).join(', ')}`
      : '';
    context.io.err(
      `Imported ${plural(summary.created + summary.existing, 'todo')} from ${name}${flags.from ? ` (${flags.from})` : ''}: ${summary.created} new${already}${made}${notices?.skippedText() ?? ''}${refused}.`,
    );
  }
  failOnRejects(context, rejects, 'rejected', '; the others were imported');
}
