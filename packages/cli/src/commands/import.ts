import { rm } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import type { TodoImportItem } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { TodoCliError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { chooseImportId } from '../import/import-id.js';
import { type ProgressMode, progressReporter } from '../import/progress.js';
import { formatOf, readRows } from '../import/read-rows.js';
import { RejectsFile } from '../import/rejects-file.js';
import { RowIdBook } from '../import/row-ids.js';
import { parseColumnMap, rowToTodo } from '../import/to-todo.js';
import { examples, type Runner } from './shared.js';

interface ImportFlags {
  format?: string;
  map?: string;
  rejects?: string;
  dryRun?: boolean;
  resume?: boolean;
  importId?: string;
  progress: string;
  json?: boolean;
}

/** The path as a shell reads it back: quoted when it holds anything but plain characters. */
const shellQuote = (path: string) =>
  /^[\w./@:+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `todo import`: many todos from a CSV, JSON or NDJSON file, safe to stop and resume. */
export async function runImport(context: Context, file: string, flags: ImportFlags): Promise<void> {
  const format = formatOf(file, flags.format);
  const columnMap = parseColumnMap(flags.map);
  if (!['auto', 'json', 'none'].includes(flags.progress))
    throw new UsageError(`--progress must be auto, json or none (got "${flags.progress}")`);
  const { importId, journaled, done } = await chooseImportId(context, file, flags);
  // Each row makes short-lived garbage, and V8's default heap growth (tuned for speed) let a
  // 100,000-row import peak at twice the memory of a 10,000-row one while its live heap stayed
  // under 20 MB. Sizing the heap for memory keeps the peak flat (1.1× in the benchmark) at no
  // cost in time: the API's writes, not this process, set the pace.
  setFlagsFromString('--optimize-for-size');
  const sdk = await import('@todolist/sdk');
  const newId = (index: number) => sdk.importItemId(importId, index);
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
      `"${file}" changed since it was last imported: rows imported then are left as they are; new and changed rows are added.`,
    );
  const rejects = new RejectsFile(flags.rejects ?? `${file === '-' ? 'stdin' : file}.rejects.ndjson`);
  // A rejects file left by an earlier run would be taken for this run's.
  await rm(rejects.path, { force: true });
  const lineOfSent: number[] = [];
  let valid = 0;

  async function* todos(): AsyncGenerator<TodoImportItem> {
    for await (const row of readRows(file, format)) {
      if ('unreadable' in row.row) {
        rejects.add(row, String(row.row.unreadable), []);
        continue;
      }
      const todo = rowToTodo(row.row, columnMap);
      if (!todo.ok) {
        rejects.add(row, todo.message, todo.errors);
        continue;
      }
      valid++;
      lineOfSent.push(row.line);
      // The same row gets the same id on a re-run, so the API finds it instead of adding it again.
      yield { ...todo.input, id: book ? book.idFor(todo.input, row.index) : newId(row.index) };
    }
  }

  if (flags.dryRun) {
    for await (const _ of todos());
    await book?.close();
    await rejects.close();
    const summary = {
      dryRun: true,
      valid,
      rejected: rejects.count,
      rejectsFile: rejects.count ? rejects.path : null,
    };
    if (flags.json) context.io.out(JSON.stringify(summary, null, 2));
    else
      context.io.err(
        `Dry run: ${plural(valid, 'row')} would be imported, ${rejects.count} rejected${rejects.count ? ` (see ${rejects.path})` : ''}.`,
      );
    if (rejects.count > 0)
      throw new TodoCliError(`${plural(rejects.count, 'row')} would be rejected`, EXIT_CODES.failure);
    return;
  }

  const reporter = await progressReporter(context.io, flags.progress as ProgressMode, undefined);
  const client = await context.client();
  let summary: Awaited<ReturnType<typeof client.todos.importMany>>;
  try {
    summary = await client.todos.importMany(todos(), {
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
        `The import stopped; nothing is lost. Continue it with: todo import ${shellQuote(file)} --resume`,
      );
    throw error;
  }
  reporter.stop();
  for (const item of summary.rejected) {
    rejects.add({ index: item.index, line: lineOfSent[item.index] ?? 0, row: {} }, item.error.message, [
      ...item.error.fieldErrors,
    ]);
  }
  await rejects.close();
  await book?.commit();
  await done();
  const result = {
    importId,
    created: summary.created,
    existing: summary.existing,
    rejected: rejects.count,
    rejectsFile: rejects.count ? rejects.path : null,
  };
  if (flags.json) context.io.out(JSON.stringify(result, null, 2));
  else {
    const already = summary.existing ? `, ${summary.existing} already there` : '';
    const refused = rejects.count ? `; ${plural(rejects.count, 'row')} rejected, see ${rejects.path}` : '';
    context.io.err(
      `Imported ${plural(summary.created + summary.existing, 'todo')} from ${file === '-' ? 'standard input' : file}: ${summary.created} new${already}${refused}.`,
    );
  }
  if (rejects.count > 0)
    throw new TodoCliError(
      `${plural(rejects.count, 'row')} rejected; the others were imported`,
      EXIT_CODES.failure,
    );
}

export function registerImport(program: Command, run: Runner): void {
  program
    .command('import')
    .description('import todos from a CSV, JSON (array) or NDJSON file, or - for standard input')
    .argument('<file>', 'the file, or - to read standard input (then --format is needed)')
    .option('-f, --format <format>', 'csv, json or ndjson (default: from the file name)')
    .option(
      '--map <pairs>',
      'CSV columns to fields, e.g. "Task=title,Due date=due" (fields: title, notes, due, priority, tags, completed)',
    )
    .option('--rejects <file>', 'where to write rejected rows (default: <file>.rejects.ndjson)')
    .option('--dry-run', 'check every row, import nothing')
    .option('--resume', 'continue an import that was interrupted (Ctrl-C, a crash, a lost connection)')
    .option(
      '--import-id <id>',
      'name the import yourself, e.g. to repeat one from standard input without duplicates',
    )
    .option('--progress <mode>', 'auto (a bar on a terminal), json (NDJSON lines on stderr) or none', 'auto')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `${examples('todo import todos.csv', 'todo import export.json --dry-run', 'todo import tasks.csv --map "Task=title,Due=due"', 'todo import todos.csv --resume', 'cat todos.ndjson | todo import - --format ndjson --progress json')}
CSV columns: title, notes, due (YYYY-MM-DD), priority (low, normal, high), tags (separated by ; or ,),
completed (true/false, yes/no, 1/0, x). Rows with errors go to the rejects file with their line
number; the others are imported. Exit 1 when any row was rejected. Importing the same file
again, or --resume after an interruption, creates nothing twice; nor does importing the file
again after fixing rejected rows or adding rows: the rows it sent before are found by their
content and left as they are.\n`,
    )
    .action((file: string, flags: ImportFlags) => run((context) => runImport(context, file, flags)));
}
