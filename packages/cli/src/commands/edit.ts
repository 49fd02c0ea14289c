import type { Priority, Todo, TodoPatch } from '@todolist/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { printConfirmation } from '../output/confirmation.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { askChoice, askText } from '../prompts.js';
import { changedFields } from '../todo-fields.js';
import { recordChange } from '../undo/last-change.js';
import {
  collectTags,
  examples,
  jsonOption,
  ndjsonOption,
  PRIORITIES,
  priorityOption,
  type Runner,
} from './shared.js';

interface EditFlags extends OutputFlags {
  title?: string;
  notes?: string;
  due?: string;
  time?: string;
  priority?: Priority;
  tags?: string[];
  addTag?: string[];
  rmTag?: string[];
}

const hasChanges = (flags: EditFlags) =>
  [
    flags.title,
    flags.notes,
    flags.due,
    flags.time,
    flags.priority,
    flags.tags,
    flags.addTag,
    flags.rmTag,
  ].some((value) => value !== undefined);

/** Read a due day and time as typed; passed in, as they load with the command (they read the contract). */
type DueParser = typeof import('../due-date.js');

/** The fields the flags ask for, computed against the todo as it is now. */
function patchFromFlags(flags: EditFlags, todo: Todo, now: Date, parseDue: DueParser): TodoPatch {
  const patch: TodoPatch = {};
  if (flags.title !== undefined) patch.title = flags.title.trim();
  if (flags.notes !== undefined) patch.notes = flags.notes === '' ? null : flags.notes;
  if (flags.due !== undefined)
    patch.dueDate = ['', 'none'].includes(flags.due.toLowerCase())
      ? null
      : parseDue.parseDueDate(flags.due, now);
  if (flags.time !== undefined) {
    patch.dueTime = parseDue.parseDueTime(flags.time);
    // The API takes a time with its day: the day the patch gives, else the todo's own.
    const day = patch.dueDate === undefined ? todo.dueDate : patch.dueDate;
    if (patch.dueTime && !day)
      throw new UsageError('--time needs a due day: the todo has none, so give --due too');
    if (patch.dueTime && patch.dueDate === undefined && day) patch.dueDate = day;
  }
  if (flags.priority !== undefined) patch.priority = flags.priority;
  if (flags.tags !== undefined || flags.addTag !== undefined || flags.rmTag !== undefined) {
    const removed = new Set(flags.rmTag ?? []);
    const base = flags.tags ?? todo.tags;
    patch.tags = [...new Set([...base, ...(flags.addTag ?? [])])].filter((tag) => !removed.has(tag));
  }
  return patch;
}

/** Asks for a field, prefilled with its value escaped; kept as it was, the answer is the value itself. */
async function askField(context: Context, message: string, value: string, required = false): Promise<string> {
  const shown = safeText(value);
  const answer = await askText(context, message, { default: shown, required });
  return answer === shown ? value : answer;
}

async function patchFromPrompts(context: Context, todo: Todo, parseDue: DueParser): Promise<TodoPatch> {
  const title = await askField(context, 'Title', todo.title, true);
  const notes = await askField(context, 'Notes (empty for none)', todo.notes ?? '');
  const due = await askText(context, 'Due (YYYY-MM-DD, today, fri, +3d; "none" to clear)', {
    default: todo.dueDate ?? '',
  });
  const priority = await askChoice(context, 'Priority', PRIORITIES, todo.priority);
  const tags = collectTags(await askField(context, 'Tags (comma-separated)', todo.tags.join(', ')));
  return patchFromFlags({ title, notes, due, priority, tags }, todo, context.now(), parseDue);
}

/** The change asked for, written unless it changes nothing; answers the todo and what it was before. */
async function edit(
  context: Context,
  id: string,
  flags: EditFlags,
  parseDue: DueParser,
): Promise<{ todo: Todo; before: Todo; changed: boolean }> {
  const client = await context.client();
  let before: Todo | undefined;
  let changed = false;
  if (hasChanges(flags)) {
    // Read, apply, write conditionally; again if someone changed it in between.
    const todo = await client.todos.updateWith(
      id,
      (current) => {
        before = current;
        const patch = changedFields(patchFromFlags(flags, current, context.now(), parseDue), current);
        changed = Object.keys(patch).length > 0;
        return changed ? patch : undefined;
      },
      { signal: context.signal },
    );
    return { todo, before: before as Todo, changed };
  }
  if (!context.io.canPrompt) {
    throw new UsageError(
      `say what to change: --title, --notes, --due, --priority, --tags, --add-tag or --rm-tag (no prompt: ${context.io.whyNoPrompt})`,
    );
  }
  const current = await client.todos.get(id, { signal: context.signal });
  const patch = changedFields(await patchFromPrompts(context, current, parseDue), current);
  if (Object.keys(patch).length === 0) return { todo: current, before: current, changed: false };
  // Answers were typed against this version: a change made meanwhile is reported, not overwritten.
  const todo = await client.todos.update(id, patch, { ifMatch: current.version, signal: context.signal });
  return { todo, before: current, changed: true };
}

/** `todo edit`: changes a todo from flags, or by asking on a terminal; never over someone else's change. */
export async function runEdit(context: Context, ref: string, flags: EditFlags): Promise<void> {
  const mode = outputMode(flags);
  const [id] = (await resolveIds(context, [ref])) as [string];
  // The contract's calendar (localDay) loads with the command, never with `todo --version`.
  const { todo, before, changed } = await edit(context, id, flags, await import('../due-date.js'));
  if (changed) await recordChange(context, 'edit', [{ before, versionAfter: todo.version }]);
  if (mode !== 'human') return printData(context.io, mode, todo, false);
  const { color } = context.io;
  printConfirmation(context.io, changed ? color.green('Updated') : color.dim('Nothing to change:'), todo, {
    after: `version ${todo.version}`,
  });
}

export function registerEdit(program: Command, run: Runner): void {
  program
    .command('edit')
    .description('change a todo; without flags, on a terminal, you are asked')
    .argument('<id>', 'a short id, a row number from the last "todo list", or an id')
    .option('--title <title>', 'a new title')
    .option('-n, --notes <text>', 'new notes ("" clears them)')
    .option('-d, --due <date>', 'a new due date, or "none" (which clears the time too)')
    .option('-T, --time <HH:MM>', 'a new time on the due day, 24-hour (17:30), or "none"')
    .addOption(priorityOption())
    .option('--tags <tags>', 'replace the tags (comma-separated; "" for none)', (value: string) =>
      collectTags(value),
    )
    .option('--add-tag <tag>', 'add a tag, "#" or not (repeatable)', collectTags)
    .option('--rm-tag <tag>', 'remove a tag (repeatable)', collectTags)
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        'todo edit 2 --due tomorrow --add-tag urgent',
        'todo edit kfrm --title "Buy oat milk"',
        'todo edit 2 --time 17:30',
        "todo edit 2 --rm-tag '#home'",
        'todo edit 2',
      ),
    )
    .action((ref: string, flags: EditFlags) => run((context) => runEdit(context, ref, flags)));
}
