import type { Todo } from '@todolist/sdk';
import type { Command } from 'commander';
import { saveLastList } from '../config/last-list.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

// `todo today` and `todo upcoming`: the open todos of every list by day, as Todoist's Today and
// Upcoming views show them. Days are the reader's calendar days, as `todo list` reads them.

/** A day's todos under its heading. */
interface DayGroup {
  heading: string;
  todos: Todo[];
}

/** Within a day: timed todos by their time first, then those due some time that day, as created. */
function byTime(a: Todo, b: Todo): number {
  if (a.dueDate !== b.dueDate) return (a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : 1;
  if (a.dueTime === b.dueTime) return 0;
  if (a.dueTime === null) return 1;
  if (b.dueTime === null) return -1;
  return a.dueTime < b.dueTime ? -1 : 1;
}

/** Every open todo due before `before` (exclusive) and, with `after`, after it (exclusive). */
async function openTodosDue(context: Context, range: { before: string; after?: string }): Promise<Todo[]> {
  const client = await context.client();
  const query = {
    status: 'open' as const,
    dueBefore: range.before,
    ...(range.after ? { dueAfter: range.after } : {}),
  };
  const todos: Todo[] = [];
  for await (const todo of client.todos.iterate(query, { signal: context.signal })) todos.push(todo);
  return todos.sort(byTime);
}

/** Prints the groups as numbered tables (numbering on from one to the next), or the data for a script. */
async function printDays(context: Context, flags: OutputFlags, groups: readonly DayGroup[], empty: string) {
  const mode = outputMode(flags);
  const todos = groups.flatMap((group) => group.todos);
  if (mode !== 'human') return printData(context.io, mode, todos, true);
  await saveLastList(
    context.paths.cacheDir,
    (await context.profile()).name,
    todos.map((todo) => todo.id),
  );
  if (todos.length === 0) return context.io.err(empty);
  const { printTodoTable } = await import('../output/todo-table.js');
  const { io } = context;
  let start = 1;
  for (const [index, group] of groups.filter((each) => each.todos.length > 0).entries()) {
    if (index > 0) io.out('');
    io.out(io.color.bold.underline(`${group.heading} (${group.todos.length})`));
    printTodoTable(io, group.todos, context.now(), { start });
    start += group.todos.length;
  }
}

/** `todo today`: what is overdue, then what is due today (by time), every list. */
export async function runToday(context: Context, flags: OutputFlags): Promise<void> {
  // The profile first: its time zone is where "today" is.
  const [{ parseDueDate }] = await Promise.all([import('../due-date.js'), context.profile()]);
  const today = parseDueDate('today', context.now());
  const todos = await openTodosDue(context, { before: parseDueDate('tomorrow', context.now()) });
  await printDays(
    context,
    flags,
    [
      { heading: 'Overdue', todos: todos.filter((todo) => (todo.dueDate ?? '') < today) },
      { heading: 'Today', todos: todos.filter((todo) => todo.dueDate === today) },
    ],
    'Nothing due today, and nothing overdue.',
  );
}

/** A day's heading: `Today · Wed, Dec 2`, `Tomorrow · Thu, Dec 3`, then `Fri, Dec 4`. */
function dayHeading(day: string, offset: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // Noon: no daylight-saving change moves it to another day.
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric' }).format(
    new Date(year, month - 1, date, 12),
  );
  return offset === 0 ? `Today · ${name}` : offset === 1 ? `Tomorrow · ${name}` : name;
}

function parseDays(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 60)
    throw new UsageError(`--days must be a whole number from 1 to 60 (got "${value}")`);
  return Number(value);
}

/** `todo upcoming`: the open todos due in the next days (today first), grouped by day. */
export async function runUpcoming(context: Context, flags: OutputFlags & { days: number }): Promise<void> {
  const [{ parseDueDate }] = await Promise.all([import('../due-date.js'), context.profile()]);
  const now = context.now();
  const days = Array.from({ length: flags.days }, (_, offset) => parseDueDate(`+${offset}d`, now));
  const todos = await openTodosDue(context, {
    after: parseDueDate('+0d', new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)),
    before: parseDueDate(`+${flags.days}d`, now),
  });
  await printDays(
    context,
    flags,
    days.map((day, offset) => ({
      heading: dayHeading(day, offset),
      todos: todos.filter((todo) => todo.dueDate === day),
    })),
    `Nothing due in the next ${flags.days} days.`,
  );
}

export function registerAgenda(program: Command, run: Runner): void {
  program
    .command('today')
    .description('what is overdue, then what is due today, by time: every list')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo today', 'todo done 1', 'todo today --json | jq ".[].title"'))
    .action((flags: OutputFlags) => run((context) => runToday(context, flags)));
  program
    .command('upcoming')
    .description('what is due in the next 7 days, a heading per day: every list')
    .option('--days <n>', 'how many days, today first (1–60)', parseDays, 7)
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo upcoming', 'todo upcoming --days 14', 'todo done 2'))
    .action((flags: OutputFlags & { days: number }) => run((context) => runUpcoming(context, flags)));
}
