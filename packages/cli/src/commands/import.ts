import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { TodoImportItem } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { TodoCliError, UsageError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { hashFile, loadJournal, saveJournal } from '../import/journal.js';
import { type ProgressMode, progressReporter } from '../import/progress.js';
import { formatOf, readRows, type SourceRow } from '../import/read-rows.js';
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

/** Rejected rows, written as NDJSON (line, errors, the row as read) to a file opened on the first one. */
class RejectsFile {
  #stream: WriteStream | undefined;
  count = 0;
  constructor(readonly path: string) {}
  add(row: SourceRow, message: string, errors: unknown[]): void {
    this.#stream ??= createWriteStream(this.path);
    this.#stream.write(`${JSON.stringify({ line: row.line, message, errors, row: row.row })}\n`);
    this.count++;
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#stream
        ? this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve()))
        : resolve(),
    );
  }
}

/** The import's id: remembered for this file's content, so a re-run or a resume lands on the same todos. */
async function chooseImportId(
  context: Context,
  file: string,
  flags: ImportFlags,
): Promise<{ importId: string; done: () => Promise<void> }> {
  const sdk = await import('@todolist/sdk');
  const nothing = async () => undefined;
  if (flags.importId) return { importId: checkImportId(flags.importId), done: nothing };
  if (file === '-') {
    if (flags.resume)
      throw new UsageError(
        '--resume needs a file: standard input cannot be read again (give --import-id to repeat an import from a pipe)',
      );
    return { importId: sdk.newImportId(), done: nothing };
  }
  const profile = (await context.profile()).name;
  const contentHash = await hashFile(file).catch(() => {
    throw new UsageError(`cannot read "${file}": no such file, or not readable`);
  });
  const journal = await loadJournal(context.paths.cacheDir, profile, contentHash);
  if (flags.resume && (!journal || journal.completedAt)) {
    throw new UsageError(
      journal
        ? `"${file}" was imported completely on ${journal.completedAt}: nothing to resume`
        : `no interrupted import of "${file}" (as it is now) to resume: run it without --resume`,
    );
  }
  if (journal && !flags.resume) {
    context.io.err(
      journal.completedAt
        ? `"${file}" was imported before (${journal.completedAt}); rows already in are left as they are.`
        : `Continuing the interrupted import of "${file}".`,
    );
  }
  const entry = journal ?? {
    importId: sdk.newImportId(),
    contentHash,
    file,
    startedAt: new Date().toISOString(),
  };
  if (!flags.dryRun && !journal) await saveJournal(context.paths.cacheDir, profile, entry);
  return {
    importId: entry.importId,
    done: () =>
      flags.dryRun
        ? nothing()
        : saveJournal(context.paths.cacheDir, profile, { ...entry, completedAt: new Date().toISOString() }),
  };
}

function checkImportId(value: string): string {
  if (!/^[0-9A-Za-z_.-]{1,64}$/.test(value))
    throw new UsageError(`--import-id must be 1–64 letters, digits, "_", "." or "-" (got "${value}")`);
  return value;
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
  const { importId, done } = await chooseImportId(context, file, flags);
  const sdk = await import('@todolist/sdk');
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
      // The id comes from the import and the row's place in the file: a re-run finds the same.
      yield { ...todo.input, id: sdk.importItemId(importId, row.index) };
    }
  }

  if (flags.dryRun) {
    for await (const _ of todos());
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
again (or --resume after an interruption) creates nothing twice: each row's todo id comes from
the file's content and the row's place in it.\n`,
    )
    .action((file: string, flags: ImportFlags) => run((context) => runImport(context, file, flags)));
}
