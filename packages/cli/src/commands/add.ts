import type { Priority, TodoCreate } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { parseDueDate } from '../due-date.js';

/** The day and time parsers, loaded with the command (they read the contract). */
type DueParsers = typeof import('../due-date.js');

import { UsageError } from '../errors.js';
import type { ListBook } from '../lists/list-book.js';
import { printConfirmation } from '../output/confirmation.js';
import { dueText } from '../output/due-text.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { askChoice, askText } from '../prompts.js';
import {
  collectTags,
  examples,
  jsonOption,
  ndjsonOption,
  PRIORITIES,
  priorityOption,
  type Runner,
} from './shared.js';

interface AddFlags extends OutputFlags {
  due?: string;
  time?: string;
  priority?: Priority;
  tag?: string[];
  notes?: string;
  list?: string;
  /** The words are the title, as typed: nothing is read from them. */
  literal?: boolean;
  /** Print what would be added, and add nothing. */
  dryRun?: boolean;
}

async function askForTodo(context: Context, parseDue: typeof parseDueDate): Promise<TodoCreate> {
  const title = await askText(context, 'Title', { required: true });
  const due = await askText(context, 'Due (YYYY-MM-DD, today, fri, +3d; empty for none)', {
    validate: (value) => {
      if (!value.trim()) return true;
      try {
        parseDue(value, context.now());
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  const priority = await askChoice(context, 'Priority', PRIORITIES, 'normal');
  const tags = collectTags(await askText(context, 'Tags (comma-separated; empty for none)'));
  return { title, priority, tags, ...(due.trim() ? { dueDate: parseDue(due, context.now()) } : {}) };
}

/** What `todo add` makes: the create input (its list in it), and how the words were read. */
interface Planned {
  input: TodoCreate;
  /** How the words were read, for `--dry-run --json`. */
  parse?: unknown;
}

/** The todo the words and flags make: the words read as quick add (unless `--literal`), the flags winning. */
async function planFromWords(
  context: Context,
  words: string[],
  flags: AddFlags,
  book: () => Promise<ListBook>,
  { parseDueDate: parseDue, parseDueTime }: DueParsers,
): Promise<Planned & { listId?: string }> {
  const text = words.join(' ');
  let input: TodoCreate = { title: text };
  let listId: string | undefined;
  let parse: unknown;
  if (!flags.literal) {
    const [{ readAddWords }, { toTodoCreate }] = await Promise.all([
      import('../quick-add-words.js'),
      import('@todolist/sdk/quick-add'),
    ]);
    const read = await readAddWords(context, text, book);
    input = toTodoCreate(read.parse);
    listId = read.list?.id;
    parse = { ...read.parse, ...(read.unknownList ? { unknownList: read.unknownList } : {}) };
  }
  input = {
    ...input,
    ...(flags.due ? { dueDate: parseDue(flags.due, context.now()) } : {}),
    ...(flags.priority ? { priority: flags.priority } : {}),
    ...(flags.tag ? { tags: [...new Set([...(input.tags ?? []), ...flags.tag])] } : {}),
    ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
  };
  if (flags.time !== undefined) {
    const time = parseDueTime(flags.time);
    if (time && !input.dueDate)
      throw new UsageError(
        '--time needs a due day: give --due, or a day in the title (todo add Call mum fri --time 18:00)',
      );
    input = { ...input, dueTime: time };
  }
  return {
    input,
    ...(listId ? { listId } : {}),
    ...(parse ? { parse } : {}),
  };
}

/** `todo add`: creates a todo from the words (read as quick add), or asks for it on a terminal. */
export async function runAdd(context: Context, words: string[], flags: AddFlags): Promise<void> {
  const mode = outputMode(flags);
  // The contract's calendar (localDay) loads with the command, never with `todo --version`.
  // The profile first: its time zone is where "today" and "fri" are.
  const [dueParsers] = await Promise.all([import('../due-date.js'), context.profile()]);
  const { parseDueDate } = dueParsers;
  const { listBook, listLabel } = await import('../lists/list-book.js');
  let book: Promise<ListBook> | undefined;
  const lists = () => {
    book ??= listBook(context);
    return book;
  };
  let planned: Planned & { listId?: string };
  if (words.length > 0) {
    planned = await planFromWords(context, words, flags, lists, dueParsers);
  } else if (context.io.canPrompt && !flags.dryRun) {
    planned = {
      input: {
        ...(await askForTodo(context, parseDueDate)),
        ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
      },
    };
  } else {
    const why = flags.dryRun ? 'a dry run asks nothing' : `no prompt: ${context.io.whyNoPrompt}`;
    throw new UsageError(`a title is needed: todo add <title...> (${why})`);
  }
  // --list wins over the words' @list.
  const list = flags.list
    ? await (await lists()).resolve(flags.list)
    : planned.listId
      ? (await (await lists()).all()).find((each) => each.id === planned.listId)
      : undefined;
  const input: TodoCreate = { ...planned.input, ...(list ? { listId: list.id } : {}) };
  const inList = list ? `in ${listLabel(list)}` : '';
  if (flags.dryRun) {
    if (mode !== 'human')
      return printData(context.io, mode, { parse: planned.parse ?? null, create: input }, false);
    const due = input.dueDate
      ? ` (due ${dueText({ dueDate: input.dueDate, dueTime: input.dueTime ?? null })})`
      : '';
    const where = inList || 'in "Inbox"';
    context.io.err(`Would add ${safeText(input.title)}${due} ${where}; nothing added (dry run).`);
    return;
  }
  const client = await context.client();
  const todo = await client.todos.create(input, { signal: context.signal });
  if (mode !== 'human') printData(context.io, mode, todo, false);
  else
    printConfirmation(context.io, context.io.color.green('Added'), todo, {
      ...(todo.dueDate ? { due: dueText(todo) } : {}),
      ...(inList ? { after: inList } : {}),
    });
}

export function registerAdd(program: Command, run: Runner): void {
  program
    .command('add')
    .description(
      'add a todo; its words say when, how urgent, which tags and list: "Pay rent fri p1 #home @flat"',
    )
    .argument(
      '[title...]',
      'the title, read as quick add (see below); without one, on a terminal, you are asked',
    )
    .option('-d, --due <date>', 'due date: YYYY-MM-DD, today, tomorrow, a weekday (fri) or +3d')
    .option('-T, --time <HH:MM>', 'the time on the due day, 24-hour (17:30)')
    .addOption(priorityOption())
    .option('-t, --tag <tag>', 'a tag, "#" or not (repeat, or separate with commas)', collectTags)
    .option('-n, --notes <text>', 'notes')
    .option(
      '-L, --list <list>',
      'the list to add it to: a name or a prefix of one, or its id (default: the Inbox)',
    )
    .option('-r, --literal', 'take the words as the title, as typed: read no date, tag or list from them')
    .option('--dry-run', 'print what would be added, and add nothing')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      `
The title's words are read as the page and the API read quick add: a day (today, tomorrow, fri,
next monday, dec 24, 24/12, in 3 days, +2w, end of month), a time (9am, 17:30), p1/p2/p3 or !!
for priority, #tag, @list (a list's whole name, any case; an unknown one stays in the title),
and notes after " // ". Words in "double quotes", web and e-mail addresses stay as typed. The
day is read in the profile's timeZone (todo config set timeZone Europe/Paris; default: the
system's). A repeat (every day, every mon, thu, every! 3 days) makes a repeating todo: todo
done moves it to its next day.
Flags win over the words; --literal reads nothing.
${examples(
  'todo add Buy milk',
  'todo add "Pay rent dec 24 p1 #home @flat // by transfer"',
  'todo add Call the bank --due fri --time 9:30',
  'todo add "File taxes" --due 2027-04-15 -p high -t money',
  "todo add Weed the beds -t '#garden'",
  'todo add Oat milk --list groc',
  'todo add --literal "Read chapter 4 tomorrow #maybe"',
  'todo add --dry-run --json "Dentist next monday 9am"',
  'todo add',
)}`,
    )
    .action((words: string[], flags: AddFlags) => run((context) => runAdd(context, words, flags)));
}
