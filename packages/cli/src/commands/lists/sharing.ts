import type { Context } from '../../context.js';
import { TodoCliError, UsageError } from '../../errors.js';
import { EXIT_CODES } from '../../exit-codes.js';
import { listBook, listLabel } from '../../lists/list-book.js';
import { asOwner, hasCode } from '../../lists/list-errors.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';
import { safeText } from '../../output/safe-text.js';
import { runListsMembers } from './members.js';

/** `todo share <list> <email>`: shares a list; without an address, lists who is on it. */
export async function runShare(
  context: Context,
  ref: string,
  email: string | undefined,
  flags: OutputFlags,
): Promise<void> {
  if (email === undefined) return runListsMembers(context, ref, flags);
  const mode = outputMode(flags);
  const list = await (await listBook(context)).resolve(ref);
  const client = await context.client();
  const member = await asOwner(list, 'share', () =>
    client.lists.members.add(list.id, email, { signal: context.signal }),
  );
  if (mode !== 'human') return printData(context.io, mode, member, false);
  const who = safeText(member.email ?? email);
  context.io.err(
    member.status === 'invited'
      ? `Invited ${who} to ${listLabel(list)}: no one has signed in with that address yet; they join at their first sign-in`
      : `Shared ${listLabel(list)} with ${who}`,
  );
}

/** `todo unshare <list> <email>`: takes a member or an invitation off a list of the caller's own. */
export async function runUnshare(context: Context, ref: string, email: string): Promise<void> {
  const list = await (await listBook(context)).resolve(ref);
  const client = await context.client();
  const { items } = await client.lists.members.list(list.id, { signal: context.signal });
  const wanted = email.trim().toLowerCase();
  const member = items.find((each) => each.email?.toLowerCase() === wanted || each.id === email.trim());
  if (!member)
    throw new TodoCliError(
      `${safeText(email)} is not on ${listLabel(list)}: "todo lists members ${safeText(ref)}" shows who is`,
      EXIT_CODES.notFound,
    );
  if (member.role === 'owner')
    throw new UsageError(`${safeText(email)} owns ${listLabel(list)}: the owner cannot be taken off a list`);
  await asOwner(list, 'unshare', () =>
    client.lists.members.remove(list.id, member.id, { signal: context.signal }),
  );
  context.io.err(`Unshared ${listLabel(list)} with ${safeText(member.email ?? member.id)}`);
}

/** `todo leave <list>`: leaves a list someone shared with the caller. */
export async function runLeave(context: Context, ref: string): Promise<void> {
  const list = await (await listBook(context)).resolve(ref);
  const client = await context.client();
  try {
    await client.lists.members.leave(list.id, { signal: context.signal });
  } catch (error) {
    if (hasCode(error, 'owner_cannot_leave'))
      throw new UsageError(
        `you own ${listLabel(list)}, so you cannot leave it: "todo lists rm ${safeText(ref)}" deletes it`,
        { cause: error },
      );
    throw error;
  }
  context.io.err(`Left ${listLabel(list)}`);
}
