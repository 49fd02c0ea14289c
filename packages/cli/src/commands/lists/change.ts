import type { Context } from '../../context.js';
import { listBook, listLabel } from '../../lists/list-book.js';
import { asOwner } from '../../lists/list-errors.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';

/** `todo lists add`: makes a list. */
export async function runListsAdd(context: Context, name: string, flags: OutputFlags): Promise<void> {
  const mode = outputMode(flags);
  const client = await context.client();
  const list = await client.lists.create({ name }, { signal: context.signal });
  if (mode !== 'human') return printData(context.io, mode, list, false);
  context.io.err(
    `${context.io.color.green('Added list')} ${listLabel(list)} ${context.io.color.dim(list.id)}`,
  );
}

/** `todo lists rename`: gives a list of the caller's own a new name. */
export async function runListsRename(
  context: Context,
  ref: string,
  name: string,
  flags: OutputFlags,
): Promise<void> {
  const mode = outputMode(flags);
  const list = await (await listBook(context)).resolve(ref);
  const client = await context.client();
  const renamed = await asOwner(list, 'rename', () =>
    client.lists.update(list.id, { name }, { ifMatch: list.version, signal: context.signal }),
  );
  if (mode !== 'human') return printData(context.io, mode, renamed, false);
  context.io.err(`Renamed list ${listLabel(list)} to ${listLabel(renamed)}`);
}

/** `todo lists archive` and `unarchive`: hides a list from the default views, or shows it again. */
export async function runListsArchive(
  context: Context,
  ref: string,
  archived: boolean,
  flags: OutputFlags,
): Promise<void> {
  const mode = outputMode(flags);
  const list = await (await listBook(context)).resolve(ref);
  const client = await context.client();
  const changed = await asOwner(list, archived ? 'archive' : 'unarchive', () =>
    client.lists.update(list.id, { archived }, { signal: context.signal }),
  );
  if (mode !== 'human') return printData(context.io, mode, changed, false);
  context.io.err(
    archived
      ? `Archived list ${listLabel(list)}: its todos leave "todo list"; "todo lists --archived" shows it`
      : `Unarchived list ${listLabel(list)}`,
  );
}
