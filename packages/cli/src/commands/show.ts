import type { Command } from 'commander';
import type { Context } from '../context.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { examples, jsonOption, ndjsonOption, type Runner } from './shared.js';

/** `todo show`: one todo, every field. */
export async function runShow(context: Context, ref: string, flags: OutputFlags): Promise<void> {
  const mode = outputMode(flags);
  const [id] = await resolveIds(context, [ref]);
  const todo = await (await context.client()).todos.get(id as string, { signal: context.signal });
  if (mode !== 'human') return printData(context.io, mode, todo, false);
  // With the contract's due days: loaded for the command, never with `todo --version`.
  const { printTodoDetails } = await import('../output/todo-details.js');
  printTodoDetails(context.io, todo, context.now());
}

export function registerShow(program: Command, run: Runner): void {
  program
    .command('show')
    .description('show one todo')
    .argument('<id>', 'a short id or a row number from the last "todo list", or an id')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo show 2', 'todo show kfrm', 'todo show 2 --json'))
    .action((ref: string, flags: OutputFlags) => run((context) => runShow(context, ref, flags)));
}
