import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { listBook, listLabel } from '../../lists/list-book.js';
import { asOwner, hasCode } from '../../lists/list-errors.js';
import { askConfirm } from '../../prompts.js';

export interface ListsRmFlags {
  yes?: boolean;
  deleteTodos?: boolean;
  moveTo?: string;
}

/**
 * `todo lists rm`: deletes a list of the caller's own, after asking (or with `--yes`). One that
 * still has todos is refused unless `--delete-todos` or `--move-to <list>` says what becomes of them.
 */
export async function runListsRm(context: Context, ref: string, flags: ListsRmFlags): Promise<void> {
  if (flags.deleteTodos && flags.moveTo) throw new UsageError('choose one of --delete-todos and --move-to');
  const book = await listBook(context);
  const list = await book.resolve(ref);
  const target = flags.moveTo ? await book.resolve(flags.moveTo) : undefined;
  if (target?.id === list.id)
    throw new UsageError(`--move-to names the list being deleted, ${listLabel(list)}`);
  if (!flags.yes) {
    if (!context.io.canPrompt)
      throw new UsageError(`refusing to delete a list without asking: add --yes (${context.io.whyNoPrompt})`);
    const what = flags.deleteTodos
      ? ' and every todo in it'
      : target
        ? `, moving its todos to ${listLabel(target)}`
        : '';
    if (!(await askConfirm(context, `Delete list ${listLabel(list)}${what}?`))) {
      context.io.err('Nothing deleted.');
      return;
    }
  }
  const query: { todos?: 'delete'; moveTo?: string } = flags.deleteTodos
    ? { todos: 'delete' }
    : target
      ? { moveTo: target.id }
      : {};
  const client = await context.client();
  try {
    await asOwner(list, 'delete', () => client.lists.delete(list.id, query, { signal: context.signal }));
  } catch (error) {
    if (hasCode(error, 'list_not_empty'))
      throw new UsageError(
        `list ${listLabel(list)} still has todos: add --delete-todos to delete them with it, or --move-to <list> to keep them`,
        { cause: error },
      );
    throw error;
  }
  const moved = target ? `; its todos are in ${listLabel(target)}` : '';
  context.io.err(`${context.io.color.red('Deleted list')} ${listLabel(list)}${moved}`);
}
