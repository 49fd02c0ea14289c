import type { Context } from '../../context.js';
import { listBook } from '../../lists/list-book.js';
import { printColumns } from '../../output/columns.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';
import { safeText } from '../../output/safe-text.js';

/** `todo lists members` (and `todo share <list>` with no address): who is on a list, the owner first. */
export async function runListsMembers(context: Context, ref: string, flags: OutputFlags): Promise<void> {
  const mode = outputMode(flags);
  const list = await (await listBook(context)).resolve(ref);
  const client = await context.client();
  const { items } = await client.lists.members.list(list.id, { signal: context.signal });
  if (mode !== 'human') return printData(context.io, mode, items, true);
  printColumns(context.io, [
    ['EMAIL', 'ROLE', 'STATUS', 'ADDED'],
    ...items.map((member) => [
      safeText(member.email ?? member.id),
      member.role,
      member.status,
      member.addedAt?.slice(0, 10) ?? '',
    ]),
  ]);
}
