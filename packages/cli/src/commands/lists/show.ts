import type { List } from '@todolist/sdk';
import type { Context } from '../../context.js';
import { listBook } from '../../lists/list-book.js';
import { MemberNames } from '../../lists/member-names.js';
import { printColumns } from '../../output/columns.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';
import { safeText } from '../../output/safe-text.js';

export interface ListsFlags extends OutputFlags {
  archived?: boolean;
}

/** How a list is shared, for people: `shared` for the caller's own, `shared by <owner>` for another's. */
async function sharing(list: List, names: MemberNames): Promise<string> {
  if (list.role === 'owner') return list.shared ? 'shared' : '';
  const owner = await names.ownerOf(list);
  return owner ? `shared by ${safeText(owner)}` : 'shared with you';
}

/** `todo lists`: the lists with their open counts, the Inbox first; archived ones with `--archived`. */
export async function runListsShow(context: Context, flags: ListsFlags): Promise<void> {
  const mode = outputMode(flags);
  const book = await listBook(context);
  const lists = (await book.all()).filter((list) => flags.archived || !list.archived);
  if (mode !== 'human') return printData(context.io, mode, lists, true);
  const names = new MemberNames(await context.client(), context.signal);
  const shared = await Promise.all(lists.map((list) => sharing(list, names)));
  const { color } = context.io;
  printColumns(
    context.io,
    [
      ['LIST', 'OPEN', 'SHARING'],
      ...lists.map((list, index) => [
        `${safeText(list.name)}${list.archived ? color.dim(' (archived)') : ''}`,
        String(list.openCount),
        shared[index] ?? '',
      ]),
    ],
    [1],
  );
}
