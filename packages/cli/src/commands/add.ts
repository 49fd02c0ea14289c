import type { Priority, TodoCreate } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { parseDueDate } from '../due-date.js';
import { UsageError } from '../errors.js';
import { printConfirmation } from '../output/confirmation.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
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
  priority?: Priority;
  tag?: string[];
  notes?: string;
  list?: string;
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

/** `todo add`: creates a todo from the arguments, or asks for it on a terminal. */
export async function runAdd(context: Context, words: string[], flags: AddFlags): Promise<void> {
  const mode = outputMode(flags);
  // The contract's calendar (localDay) loads with the command, never with `todo --version`.
  const { parseDueDate } = await import('../due-date.js');
  let input: TodoCreate;
  if (words.length > 0) {
    input = {
      title: words.join(' '),
      ...(flags.due ? { dueDate: parseDueDate(flags.due, context.now()) } : {}),
      ...(flags.priority ? { priority: flags.priority } : {}),
      ...(flags.tag ? { tags: flags.tag } : {}),
      ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
    };
  } else if (context.io.canPrompt) {
    input = {
      ...(await askForTodo(context, parseDueDate)),
      ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
    };
  } else {
    throw new UsageError(`a title is needed: todo add <title...> (no prompt: ${context.io.whyNoPrompt})`);
  }
  const client = await context.client();
  let inList = '';
  if (flags.list) {
    const { listBook, listLabel } = await import('../lists/list-book.js');
    const list = await (await listBook(context)).resolve(flags.list);
    input = { ...input, listId: list.id };
    inList = `in ${listLabel(list)}`;
  }
  const todo = await client.todos.create(input, { signal: context.signal });
  if (mode !== 'human') return printData(context.io, mode, todo, false);
  printConfirmation(context.io, context.io.color.green('Added'), todo, {
    ...(todo.dueDate ? { due: todo.dueDate } : {}),
    ...(inList ? { after: inList } : {}),
  });
}

export function registerAdd(program: Command, run: Runner): void {
  program
    .command('add')
    .description('add a todo')
    .argument('[title...]', 'the title; without one, on a terminal, you are asked')
    .option('-d, --due <date>', 'due date: YYYY-MM-DD, today, tomorrow, a weekday (fri) or +3d')
    .addOption(priorityOption())
    .option('-t, --tag <tag>', 'a tag, "#" or not (repeat, or separate with commas)', collectTags)
    .option('-n, --notes <text>', 'notes')
    .option(
      '-L, --list <list>',
      'the list to add it to: a name or a prefix of one, or its id (default: the Inbox)',
    )
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        'todo add Buy milk',
        'todo add "File taxes" --due 2027-04-15 -p high -t money',
        "todo add Weed the beds -t '#garden'",
        'todo add Oat milk --list groc',
        'todo add',
      ),
    )
    .action((words: string[], flags: AddFlags) => run((context) => runAdd(context, words, flags)));
}
