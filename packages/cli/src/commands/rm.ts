import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { askConfirm } from '../prompts.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

interface RmFlags extends OutputFlags {
  yes?: boolean;
}

/** `todo rm`: deletes todos, after asking on a terminal; elsewhere only with `--yes`. */
export async function runRm(context: Context, refs: string[], flags: RmFlags): Promise<void> {
  const mode = outputMode(flags);
  const ids = [...new Set(await resolveIds(context, refs))];
  const client = await context.client();
  const todos = await Promise.all(ids.map((id) => client.todos.get(id, { signal: context.signal })));
  if (!flags.yes) {
    if (!context.io.canPrompt) {
      throw new UsageError(`refusing to delete without asking: add --yes (${context.io.whyNoPrompt})`);
    }
    const names = todos.map((todo) => `"${todo.title}"`).join(', ');
    if (
      !(await askConfirm(
        context,
        `Delete ${todos.length === 1 ? names : `${todos.length} todos: ${names}`}?`,
      ))
    ) {
      context.io.err('Nothing deleted.');
      return;
    }
  }
  const deleted: { id: string; deleted: true }[] = [];
  for (const todo of todos) {
    // The version just read: a todo someone changed meanwhile is not deleted unseen.
    await client.todos.delete(todo.id, { ifMatch: todo.version, signal: context.signal });
    deleted.push({ id: todo.id, deleted: true });
    if (mode === 'human')
      context.io.out(`${context.io.color.red('Deleted')} ${todo.title} ${context.io.color.dim(todo.id)}`);
  }
  if (mode !== 'human') printData(context.io, mode, deleted, true);
}

export function registerRm(program: Command, run: Runner): void {
  program
    .command('rm')
    .alias('delete')
    .description('delete todos')
    .argument('<ids...>', 'ids, unique id prefixes, or row numbers from the last "todo list"')
    .option('-y, --yes', 'do not ask (needed when not at a terminal)')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo rm 2', 'todo rm 01KMZ7X3 01KMZ8AB --yes'))
    .action((refs: string[], flags: RmFlags) => run((context) => runRm(context, refs, flags)));
}
