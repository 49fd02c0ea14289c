import type { Todo } from '@todolist/sdk';
import type { IO } from '../io.js';
import { listLabel } from '../lists/list-book.js';
import type { MemberNames } from '../lists/member-names.js';
import { confirmationLine } from '../output/confirmation.js';
import { dueText } from '../output/due-text.js';
import { safeText } from '../output/safe-text.js';
import { tagLabels } from '../output/tag-labels.js';
import type { ChangeStory } from './change-line.js';
import type { KnownList } from './watch-memory.js';

/** Whether anyone but its owner is on a list, so who changed a todo in it is worth saying. */
const isShared = (list: KnownList | undefined) =>
  list !== undefined && (list.shared || list.role === 'member');

/** `by sam@example.com` for a todo on a shared list: who changed it last. */
async function byWhom(
  todo: Todo,
  list: KnownList | undefined,
  names: MemberNames,
): Promise<string | undefined> {
  if (!isShared(list)) return undefined;
  return `by ${safeText(await names.nameOf(todo.listId, todo.updatedBy))}`;
}

/**
 * A change's story as one line for people, as the CLI's confirmations read (`Added Buy milk
 * (due 2026-12-03) #home 01M8… in "Groceries"`), its text escaped: `in "<list>"` unless the
 * watch is of one list, and on a shared list who made the change.
 */
export async function watchLine(
  io: IO,
  story: ChangeStory,
  options: { oneList: boolean; names: MemberNames },
): Promise<string> {
  if (story.kind === 'list') {
    const after = story.after ? ` ${story.after}` : '';
    return `${story.label} ${listLabel(story.list)} ${io.color.dim(`${story.list.id}${after}`)}`;
  }
  const where = story.after ?? (story.list && !options.oneList ? `in ${listLabel(story.list)}` : undefined);
  const by = story.full ? await byWhom(story.full, story.list, options.names) : undefined;
  const after = [where, by].filter(Boolean).join(' ');
  return confirmationLine(io, story.label, story.todo, {
    ...(story.full?.dueDate ? { due: dueText(story.full) } : {}),
    ...(story.full && story.full.tags.length > 0 ? { tags: tagLabels(story.full.tags, io.color) } : {}),
    ...(after ? { after } : {}),
  });
}
