import type { Priority, Todo, TodoPatch } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { parseDueDate } from '../due-date.js';
import { UsageError } from '../errors.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { askChoice, askText } from '../prompts.js';
import {
  collect,
  examples,
  jsonOption,
  ndjsonOption,
  PRIORITIES,
  parsePriority,
  type Runner,
} from './shared.js';

interface EditFlags extends OutputFlags {
  title?: string;
  notes?: string;
  due?: string;
  priority?: Priority;
  tags?: string[];
  addTag?: string[];
  rmTag?: string[];
}

const hasChanges = (flags: EditFlags) =>
  [flags.title, flags.notes, flags.due, flags.priority, flags.tags, flags.addTag, flags.rmTag].some(
    (value) => value !== undefined,
  );

/** The patch the flags ask for, computed against the todo as it is now. */
function patchFromFlags(flags: EditFlags, todo: Todo, now: Date): TodoPatch {
  const patch: TodoPatch = {};
  if (flags.title !== undefined) patch.title = flags.title;
  if (flags.notes !== undefined) patch.notes = flags.notes === '' ? null : flags.notes;
  if (flags.due !== undefined)
    patch.dueDate = ['', 'none'].includes(flags.due.toLowerCase()) ? null : parseDueDate(flags.due, now);
  if (flags.priority !== undefined) patch.priority = flags.priority;
  if (flags.tags !== undefined || flags.addTag !== undefined || flags.rmTag !== undefined) {
    const removed = new Set((flags.rmTag ?? []).map((tag) => tag.toLowerCase()));
    const base = flags.tags ?? todo.tags;
    patch.tags = [...base, ...(flags.addTag ?? [])].filter((tag) => !removed.has(tag.toLowerCase()));
  }
  return patch;
}

async function patchFromPrompts(context: Context, todo: Todo): Promise<TodoPatch> {
  const title = await askText(context, 'Title', { default: todo.title, required: true });
  const notes = await askText(context, 'Notes (empty for none)', { default: todo.notes ?? '' });
  const due = await askText(context, 'Due (YYYY-MM-DD, today, fri, +3d; "none" to clear)', {
    default: todo.dueDate ?? '',
  });
  const priority = await askChoice(context, 'Priority', PRIORITIES, todo.priority);
  const tags = collect(await askText(context, 'Tags (comma-separated)', { default: todo.tags.join(', ') }));
  return patchFromFlags({ title, notes, due, priority, tags }, todo, context.now());
}

/** `todo edit`: changes a todo from flags, or by asking on a terminal; never over someone else's change. */
export async function runEdit(context: Context, ref: string, flags: EditFlags): Promise<void> {
  const mode = outputMode(flags);
  const [id] = (await resolveIds(context, [ref])) as [string];
  const client = await context.client();
  let todo: Todo;
  if (hasChanges(flags)) {
    // Read, apply, write conditionally; again if someone changed it in between.
    todo = await client.todos.updateWith(id, (current) => patchFromFlags(flags, current, context.now()), {
      signal: context.signal,
    });
  } else if (context.io.canPrompt) {
    const current = await client.todos.get(id, { signal: context.signal });
    const patch = await patchFromPrompts(context, current);
    // Answers were typed against this version: a change made meanwhile is reported, not overwritten.
    todo = await client.todos.update(id, patch, { ifMatch: current.version, signal: context.signal });
  } else {
    throw new UsageError(
      `say what to change: --title, --notes, --due, --priority, --tags, --add-tag or --rm-tag (no prompt: ${context.io.whyNoPrompt})`,
    );
  }
  if (mode !== 'human') return printData(context.io, mode, todo, false);
  context.io.out(
    `${context.io.color.green('Updated')} ${todo.title} ${context.io.color.dim(`${todo.id} version ${todo.version}`)}`,
  );
}

export function registerEdit(program: Command, run: Runner): void {
  program
    .command('edit')
    .description('change a todo; without flags, on a terminal, you are asked')
    .argument('<id>', 'an id, a unique id prefix, or a row number from the last "todo list"')
    .option('--title <title>', 'a new title')
    .option('-n, --notes <text>', 'new notes ("" clears them)')
    .option('-d, --due <date>', 'a new due date, or "none"')
    .option('-p, --priority <level>', 'low, normal or high', parsePriority)
    .option('--tags <tags>', 'replace the tags (comma-separated; "" for none)', (value: string) =>
      collect(value),
    )
    .option('--add-tag <tag>', 'add a tag (repeatable)', collect)
    .option('--rm-tag <tag>', 'remove a tag (repeatable)', collect)
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        'todo edit 2 --due tomorrow --add-tag urgent',
        'todo edit 01KMZ7X3 --title "Buy oat milk"',
        'todo edit 2',
      ),
    )
    .action((ref: string, flags: EditFlags) => run((context) => runEdit(context, ref, flags)));
}
