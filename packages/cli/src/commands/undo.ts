import type { Command } from 'commander';
import type { Context } from '../context.js';
import { TodoCliError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { forgetLastChange, loadLastChange } from '../undo/last-change.js';
import { examples, type Runner } from './shared.js';

/** `todo undo`: takes back the last delete, done, reopen or edit made with this profile, once. */
export async function runUndo(context: Context): Promise<void> {
  const change = await loadLastChange(context);
  if (!change) {
    const profile = (await context.profile()).name;
    throw new TodoCliError(
      `nothing to undo (profile ${profile}): no delete, done, reopen or edit since the last undo`,
      EXIT_CODES.failure,
    );
  }
  // Loaded for `todo undo` only.
  if (change.kind === 'delete')
    await (await import('../undo/restore.js')).restoreDeleted(context, change.todos);
  else await (await import('../undo/revert.js')).revertChange(context, change);
  await forgetLastChange(context);
}

export function registerUndo(program: Command, run: Runner): void {
  program
    .command('undo')
    .description('take back the last rm, done, reopen or edit (all the todos it named)')
    .addHelpText(
      'after',
      `${examples('todo rm 2 --yes && todo undo', 'todo done 1 3 && todo undo')}
A deleted todo comes back with its id and fields; a done, reopen or edit is written back only
if nobody changed the todo since (else exit 5, nothing changed). Once undone, a change is
forgotten: a second "todo undo" has nothing to undo (exit 1).\n`,
    )
    .action(() => run((context) => runUndo(context)));
}
