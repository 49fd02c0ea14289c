import type { Todo, TodoStatus } from '@todolist/sdk';
import type { Command } from 'commander';
import { saveLastList } from '../config/last-list.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { cleanTag } from '../tag-words.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

interface ListFlags extends OutputFlags {
  all?: boolean;
  done?: boolean;
  tag?: string;
  dueBefore?: string;
  limit?: number;
}

function parseLimit(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--limit must be a whole number from 1 (got "${value}")`);
  return Number(value);
}

/** `todo list`: open todos by default, as a numbered table (or JSON). */
export async function runList(context: Context, flags: ListFlags): Promise<void> {
  const mode = outputMode(flags);
  if (flags.all && flags.done) throw new UsageError('choose one of --all and --done');
  const status: TodoStatus = flags.all ? 'all' : flags.done ? 'completed' : 'open';
  // The contract (due days, the page size) loads with the command, never with `todo --version`.
  const [client, { parseDueDate }, { printTodoTable }, { MAX_PAGE_SIZE }] = await Promise.all([
    context.client(),
    import('../due-date.js'),
    import('../output/todo-table.js'),
    import('@todolist/sdk/contract'),
  ]);
  const query = {
    status,
    ...(flags.tag ? { tag: flags.tag } : {}),
    ...(flags.dueBefore ? { dueBefore: parseDueDate(flags.dueBefore, context.now()) } : {}),
    // Past one page, `iterate` fetches the next, and the loop below stops at the limit.
    ...(flags.limit ? { limit: Math.min(flags.limit, MAX_PAGE_SIZE) } : {}),
  };
  const todos: Todo[] = [];
  for await (const todo of client.todos.iterate(query, { signal: context.signal })) {
    todos.push(todo);
    if (flags.limit && todos.length >= flags.limit) break;
  }
  // JSON is for scripts: only a table a person saw renumbers what `todo done 2` means.
  if (mode !== 'human') return printData(context.io, mode, todos, true);
  await saveLastList(
    context.paths.cacheDir,
    (await context.profile()).name,
    todos.map((todo) => todo.id),
  );
  if (todos.length === 0) {
    const what = status === 'completed' ? 'done' : status === 'open' ? 'open' : '';
    const filters = [
      flags.tag && `tagged ${safeText(flags.tag)}`,
      flags.dueBefore && `due before ${query.dueBefore}`,
    ].filter(Boolean);
    context.io.err(
      filters.length > 0 || status === 'completed'
        ? `No ${what ? `${what} ` : ''}todos${filters.length > 0 ? ` ${filters.join(' and ')}` : ''}.`
        : `No ${what ? `${what} ` : ''}todos. Add one with: todo add <title>`,
    );
    return;
  }
  printTodoTable(context.io, todos, context.now());
}

export function registerList(program: Command, run: Runner): void {
  program
    .command('list')
    .alias('ls')
    .description('list todos: open ones unless told otherwise')
    .option('-a, --all', 'open and done todos')
    .option('--done', 'done todos only')
    .option('-t, --tag <tag>', 'only todos with this tag ("#" or not)', cleanTag)
    .option('--due-before <date>', 'only todos due before this day (YYYY-MM-DD, today, fri, +3d)')
    .option('-l, --limit <n>', 'at most this many', parseLimit)
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        'todo list',
        'todo list --all --tag work',
        "todo list -t '#home'",
        'todo list --due-before fri',
        'todo list --json | jq ".[].title"',
      ),
    )
    .action((flags: ListFlags) => run((context) => runList(context, flags)));
}
