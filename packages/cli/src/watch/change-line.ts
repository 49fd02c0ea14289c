import type { Change, Todo } from '@todolist/sdk';
import type { ChalkInstance } from 'chalk';
import { listLabel } from '../lists/list-book.js';
import type { KnownList, KnownTodo, WatchMemory } from './watch-memory.js';

/** What a change did, as `todo watch` tells it: a label, what it was done to, and what follows. */
export type ChangeStory =
  | {
      kind: 'todo';
      label: string;
      todo: Pick<Todo, 'id' | 'title'>;
      full?: Todo;
      list?: KnownList;
      after?: string;
    }
  | { kind: 'list'; label: string; list: Pick<KnownList, 'id' | 'name'>; after?: string };

/** What an upsert did to a todo, from what the watch knew of it before. */
function todoLabel(todo: Todo, before: KnownTodo | undefined, color: ChalkInstance): string | undefined {
  if (before && before.version >= todo.version) return undefined;
  if (before && before.listId !== todo.listId) return color.green('Moved');
  if (todo.version === 1) return color.green('Added');
  // The feed gives the latest state: a todo seen for the first time was done by this change
  // when it was completed at its last update.
  if (todo.completed && (before ? !before.completed : todo.completedAt === todo.updatedAt))
    return color.green('Done');
  if (!todo.completed && before?.completed) return color.yellow('Reopened');
  return color.green('Updated');
}

/** What an upsert did to a list. */
function listLabelFor(list: KnownList, before: KnownList | undefined, color: ChalkInstance) {
  if (!before) return { label: color.green('Added list') };
  if (before.name !== list.name) return { label: color.green('Renamed list'), from: before };
  if (before.archived !== list.archived)
    return { label: list.archived ? color.yellow('Archived list') : color.green('Unarchived list') };
  return { label: color.green('Changed list') };
}

/**
 * The story of one change, or `undefined` for one the watch already knew (a todo read at the
 * start, changed while it was read). Read before `memory.apply(change)`.
 */
export function storyOf(change: Change, memory: WatchMemory, color: ChalkInstance): ChangeStory | undefined {
  if (change.type === 'todo' && change.op === 'upsert') {
    const before = memory.todo(change.id);
    const label = todoLabel(change.todo, before, color);
    if (!label) return undefined;
    const list = memory.list(change.todo.listId);
    const moved = before && before.listId !== change.todo.listId;
    return {
      kind: 'todo',
      label,
      todo: change.todo,
      full: change.todo,
      ...(list ? { list } : {}),
      ...(moved ? { after: `to ${list ? listLabel(list) : 'another list'}` } : {}),
    };
  }
  if (change.type === 'todo') {
    const before = memory.todo(change.id);
    const todo = { id: change.id, title: before?.title ?? '(a todo)' };
    const list = memory.list(change.listId);
    return change.reason === 'moved'
      ? { kind: 'todo', label: color.yellow('Moved away'), todo, after: 'to a list you are not on' }
      : { kind: 'todo', label: color.red('Deleted'), todo, ...(list ? { list } : {}) };
  }
  if (change.op === 'upsert') {
    const { label, from } = listLabelFor(change.list, memory.list(change.id), color);
    return { kind: 'list', label, list: change.list, ...(from ? { after: `(was ${listLabel(from)})` } : {}) };
  }
  const list = memory.list(change.id) ?? { id: change.id, name: 'a list' };
  return change.reason === 'deleted'
    ? { kind: 'list', label: color.red('Deleted list'), list }
    : { kind: 'list', label: color.red('No longer on list'), list, after: '(membership ended)' };
}
