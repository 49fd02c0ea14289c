import { open, rename, rm } from 'node:fs/promises';
import type { Todo } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { safeText } from '../output/safe-text.js';
import { choiceOption, examples, type Runner } from './shared.js';

const FORMATS = ['json', 'ndjson', 'csv', 'todotxt'] as const;
const STATUSES = ['all', 'open', 'completed'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** The CSV columns, in a stable order: the API's field names, tags joined with `;`, a repeat as its JSON. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'notes',
  'completed',
  'completedAt',
  'dueDate',
  'dueTime',
  'recurrence',
  'priority',
  'tags',
  'createdAt',
  'updatedAt',
  'version',
  'list',
] as const;

/** One cell of a todo's CSV row. */
function csvValue(todo: Todo & { list: string }, column: (typeof CSV_COLUMNS)[number]): unknown {
  if (column === 'tags') return todo.tags.join(';');
  if (column === 'recurrence') return todo.recurrence ? JSON.stringify(todo.recurrence) : '';
  return todo[column] ?? '';
}

/** A todo as the export writes it: the API's fields, then the name of its list. */
type ExportedTodo = Todo & { list: string };

interface ExportFlags {
  format: string;
  output?: string;
  status: string;
}

/** The export's text, chunk by chunk; `report` is given what todo.txt cannot keep, once all is written. */
async function* lines(
  todos: AsyncIterable<ExportedTodo>,
  format: ExportFormat,
  report: (line: string) => void,
): AsyncGenerator<string> {
  if (format === 'ndjson') {
    for await (const todo of todos) yield `${JSON.stringify(todo)}\n`;
    return;
  }
  // Nothing is written before the first page arrives: an API that cannot be reached leaves no "[".
  if (format === 'json') {
    let first = true;
    for await (const todo of todos) {
      yield `${first ? '[\n' : ',\n'}  ${JSON.stringify(todo)}`;
      first = false;
    }
    yield first ? '[]\n' : '\n]\n';
    return;
  }
  if (format === 'todotxt') {
    const { todotxtLines } = await import('../export/todotxt-lines.js');
    yield* todotxtLines(todos, report);
    return;
  }
  // csv-stringify quotes and escapes as RFC 4180 says; loaded only for CSV.
  const { stringify } = await import('csv-stringify/sync');
  const options = { cast: { boolean: (value: boolean) => String(value) } };
  let header = stringify([CSV_COLUMNS as unknown as string[]], options);
  for await (const todo of todos) {
    yield `${header}${stringify([CSV_COLUMNS.map((column) => csvValue(todo, column))], options)}`;
    header = '';
  }
  if (header) yield header;
}

/** Why the file named by `-o` cannot be written, as one line a person can act on. */
function cannotWrite(file: string, error: NodeJS.ErrnoException): UsageError {
  const reasons: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    EISDIR: 'it is a folder: name a file',
    EACCES: 'permission denied',
  };
  return new UsageError(`cannot write ${file}: ${reasons[error.code ?? ''] ?? error.message}`, {
    cause: error,
  });
}

/**
 * Every todo the person can see, each with its list's name: the todos of every list but the
 * archived ones (one listing, page by page), then each archived list's, which that listing leaves out.
 */
async function* exportedTodos(
  context: Context,
  status: 'all' | 'open' | 'completed',
): AsyncGenerator<ExportedTodo> {
  const [client, { listBook }] = await Promise.all([context.client(), import('../lists/list-book.js')]);
  const lists = await (await listBook(context)).all();
  const names = new Map(lists.map((list) => [list.id, list.name]));
  const options = { signal: context.signal };
  for await (const todo of client.todos.iterate({ status }, options))
    yield { ...todo, list: names.get(todo.listId) ?? '' };
  for (const list of lists.filter((each) => each.archived))
    for await (const todo of client.todos.iterate({ status, listId: list.id }, options))
      yield { ...todo, list: list.name };
}

/** `todo export`: every todo, streamed page by page to stdout or a file (written whole or not at all). */
export async function runExport(context: Context, flags: ExportFlags): Promise<void> {
  const format = flags.format.toLowerCase() as ExportFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be json, ndjson, csv or todotxt (got "${flags.format}")`);
  if (!(STATUSES as readonly string[]).includes(flags.status))
    throw new UsageError(`--status must be all, open or completed (got "${flags.status}")`);
  const todos = exportedTodos(context, flags.status as 'all');
  const report = (line: string) => context.io.err(safeText(line));
  if (!flags.output) {
    for await (const chunk of lines(todos, format, report)) context.io.stdout.write(chunk);
    return;
  }
  const output = flags.output;
  const temporary = `${output}.${process.pid}.partial`;
  const file = await open(temporary, 'w').catch((error: NodeJS.ErrnoException) => {
    throw cannotWrite(output, error);
  });
  try {
    for await (const chunk of lines(todos, format, report)) await file.write(chunk);
    await file.close();
    await rename(temporary, output).catch((error: NodeJS.ErrnoException) => {
      throw cannotWrite(output, error);
    });
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  context.io.err(`Exported to ${safeText(flags.output)} (${format}).`);
}

export function registerExport(program: Command, run: Runner): void {
  program
    .command('export')
    .description("write every todo, with its list's name, as JSON, NDJSON, CSV or todo.txt")
    .addOption(choiceOption('-f, --format <format>', 'the format', FORMATS).default('json'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addOption(choiceOption('-s, --status <status>', 'which todos', STATUSES).default('all'))
    .addHelpText(
      'after',
      examples(
        'todo export > todos.json',
        'todo export --format csv -o todos.csv',
        'todo export --format ndjson --status open',
        'todo export --format todotxt -o todo.txt && todo import --from todotxt todo.txt',
        'todo export -f csv -o todos.csv && todo import todos.csv   # finds them all: nothing doubled',
      ),
    )
    .action((flags: ExportFlags) => run((context) => runExport(context, flags)));
}
