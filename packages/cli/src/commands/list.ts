import type { List, Todo, TodoSort, TodoStatus } from '@todolist/sdk';
import type { Command } from 'commander';
import { saveLastList } from '../config/last-list.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { checkFilter } from '../filter-words.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { shellWord } from '../output/shell-word.js';
import { cleanTag } from '../tag-words.js';
import { timeZoneOf } from '../time-zone.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

interface ListFlags extends OutputFlags {
  all?: boolean;
  done?: boolean;
  tag?: string;
  dueBefore?: string;
  limit?: number;
  list?: string;
  /** Words the title or notes must all hold, case and accents aside (`todo search`). */
  search?: string;
  /** A filter in the filter language (`today & #work`), read in the profile's time zone. */
  filter?: string;
  /** A saved filter's name (or a prefix of one, or its id): its filter, with `--filter`'s if both. */
  saved?: string;
  /** The order within each list: `due` for every list, the list's own (`manual`) for one, by default. */
  sort?: TodoSort;
}

const SORTS: readonly TodoSort[] = ['due', 'priority', 'created', 'manual'];

function parseSort(value: string): TodoSort {
  const sort = SORTS.find((each) => each === value.toLowerCase());
  if (!sort) throw new UsageError(`--sort must be one of ${SORTS.join(', ')} (got "${safeText(value)}")`);
  return sort;
}

function parseLimit(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--limit must be a whole number from 1 (got "${value}")`);
  return Number(value);
}

/** `todo list`: open todos by default, as a numbered table (or JSON), a heading per list. */
export async function runList(context: Context, flags: ListFlags): Promise<void> {
  const mode = outputMode(flags);
  if (flags.all && flags.done) throw new UsageError('choose one of --all and --done');
  const status: TodoStatus = flags.all ? 'all' : flags.done ? 'completed' : 'open';
  // The contract (due days, the page size) loads with the command, never with `todo --version`.
  const [client, { parseDueDate }, { MAX_PAGE_SIZE }, { listBook }] = await Promise.all([
    context.client(),
    import('../due-date.js'),
    import('@todolist/sdk/contract'),
    import('../lists/list-book.js'),
  ]);
  // An empty --filter (a shell variable unset, say) is refused as the API refuses it, never a full listing.
  if (flags.filter !== undefined) await checkFilter(flags.filter, '--filter');
  const filter = await filterOf(context, flags);
  const book = await listBook(context);
  const only = flags.list ? await book.resolve(flags.list) : undefined;
  if (flags.sort === 'manual' && !only)
    throw new UsageError("--sort manual is one list's own order: give --list too");
  const query = {
    status,
    // Overdue and today first, but a list's own order when one list is asked for.
    sort: flags.sort ?? (only ? 'manual' : 'due'),
    ...(only ? { listId: only.id } : {}),
    ...(flags.tag ? { tag: flags.tag } : {}),
    ...(flags.dueBefore ? { dueBefore: parseDueDate(flags.dueBefore, context.now()) } : {}),
    ...(flags.search ? { q: flags.search } : {}),
    ...(filter !== undefined ? { filter, timeZone: timeZoneOf(await context.profile()) } : {}),
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
  // The lists are read for the headings only, so a script's --json and an empty list cost one request.
  const lists = only ? [only] : todos.length > 0 ? await book.all() : [];
  const groups = only ? [{ list: only, todos }] : groupByList(todos, lists);
  await saveLastList(
    context.paths.cacheDir,
    (await context.profile()).name,
    groups.flatMap((group) => group.todos.map((todo) => todo.id)),
  );
  if (todos.length === 0) {
    const what = status === 'completed' ? 'done' : status === 'open' ? 'open' : '';
    const filters = [
      flags.search && `matching "${safeText(flags.search)}"`,
      flags.saved && `passing the saved filter "${safeText(flags.saved)}"`,
      flags.filter && `passing "${safeText(flags.filter)}"`,
      flags.tag && `tagged ${safeText(flags.tag)}`,
      flags.dueBefore && `due before ${query.dueBefore}`,
    ].filter(Boolean);
    const where = only ? ` in "${safeText(only.name)}"` : '';
    context.io.err(
      filters.length > 0 || status === 'completed'
        ? `No ${what ? `${what} ` : ''}todos${where}${filters.length > 0 ? ` ${filters.join(' and ')}` : ''}.`
        : `No ${what ? `${what} ` : ''}todos${where}. Add one with: todo add <title>${only ? ` --list ${shellWord(only.name)}` : ''}`,
    );
    return;
  }
  const { printListGroups } = await import('../output/list-groups.js');
  // Someone with no list but the Inbox sees one table, as before lists came.
  await printListGroups(context, groups, { headings: !only && lists.some((list) => !list.inbox) });
}

/** The filter a listing asks for: `--filter`'s, a saved one's (`--saved`), or both at once. */
async function filterOf(context: Context, flags: ListFlags): Promise<string | undefined> {
  if (!flags.saved) return flags.filter;
  const { resolveSavedFilter } = await import('../filters/saved-filter-book.js');
  const saved = await resolveSavedFilter(context, flags.saved);
  if (flags.filter === undefined) return saved.query;
  const both = `(${saved.query}) & (${flags.filter})`;
  const { MAX_FILTER_LENGTH } = await import('@todolist/sdk/contract');
  if (both.length > MAX_FILTER_LENGTH)
    throw new UsageError(
      `the saved filter "${safeText(saved.name)}" (${saved.query.length} characters) and --filter (${flags.filter.length}) make a filter of ${both.length} characters, more than the ${MAX_FILTER_LENGTH} a listing takes: shorten --filter, or save the whole filter`,
    );
  return both;
}

/** The todos by list, in the lists' order (the Inbox first); a list with none is left out. */
function groupByList(
  todos: readonly Todo[],
  lists: readonly List[],
): { list: List | undefined; todos: Todo[] }[] {
  const byList = new Map<string, Todo[]>();
  for (const todo of todos) {
    const group = byList.get(todo.listId);
    if (group) group.push(todo);
    else byList.set(todo.listId, [todo]);
  }
  const known = lists.flatMap((list) => {
    const own = byList.get(list.id);
    byList.delete(list.id);
    return own ? [{ list, todos: own }] : [];
  });
  // What is left is in a list made since the lists were read.
  return [...known, ...[...byList.values()].map((each) => ({ list: undefined, todos: each }))];
}

export function registerList(program: Command, run: Runner): void {
  program
    .command('list')
    .alias('ls')
    .description('list todos, a heading per list: open ones unless told otherwise')
    .option('-a, --all', 'open and done todos')
    .option('--done', 'done todos only')
    .option('-t, --tag <tag>', 'only todos with this tag ("#" or not)', cleanTag)
    .option('--due-before <date>', 'only todos due before this day (YYYY-MM-DD, today, fri, +3d)')
    .option('-l, --limit <n>', 'at most this many', parseLimit)
    .option('-L, --list <list>', 'only this list, in its own order: a name or a prefix of one, or its id')
    .option(
      '-s, --sort <order>',
      "due (overdue and today first; the default), priority, created, or manual (a list's own order, the default with --list)",
      parseSort,
    )
    .option(
      '-f, --filter <filter>',
      'only todos passing this filter: today, overdue, no date, next 7 days, before: dec 24, p1, #tag, @list, recurring, shared, search: words; & | ! ( )',
    )
    .option(
      '-S, --saved <name>',
      'only todos passing this saved filter ("todo filters" shows them): a name or a prefix of one',
    )
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        'todo list',
        'todo list --all --tag work',
        "todo list -t '#home'",
        'todo list --due-before fri',
        "todo list --filter '(today | overdue) & #work'",
        'todo list --saved work',
        'todo list --sort priority',
        'todo list --list groc',
        'todo list --json | jq ".[].title"',
      ),
    )
    .action((flags: ListFlags) => run((context) => runList(context, flags)));
  program
    .command('search')
    .description(
      'find todos whose title or notes hold every word, case and accents aside: open ones unless told otherwise',
    )
    .argument('<words...>', 'what to look for')
    .option('-a, --all', 'open and done todos')
    .option('--done', 'done todos only')
    .option('-L, --list <list>', 'only this list: a name or a prefix of one, or its id')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples('todo search creme brulee', 'todo search --all dentist', 'todo search milk --json'),
    )
    .action((words: string[], flags: ListFlags) =>
      run((context) => runList(context, { ...flags, search: words.join(' ') })),
    );
}
