import { type ListPatch, type SavedFilterPatch, searchFold, type TodoPatch } from '@todolist/sdk/contract';
import { CHANGE_STAMP, newChangeStamp } from './change-stamp.js';

/** The pieces of an UpdateItem call, with placeholders for every name and value. */
export interface UpdateExpression {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/** A patch's changes to the todo's own fields; where it goes (`listId`, `after`) is the store's to work out. */
export type FieldChanges = Omit<TodoPatch, 'listId' | 'after'>;

/**
 * The UpdateItem expression for a patch of a todo, a list or a saved filter: set what is given,
 * remove what is cleared with `null`, set the `extra` attributes (who changed it, a new place),
 * stamp `updatedAt` and, unless told not to, the change stamp, bump `version`, and keep a todo's
 * `completedAt` consistent with `completed`. A saved filter takes no change stamp: that would
 * put it in the changes feed's index, which holds todos and lists only.
 */
export function buildUpdateExpression(
  patch: FieldChanges | ListPatch | SavedFilterPatch,
  now: string,
  extra: Record<string, string> = {},
  { changeStamp = true }: { changeStamp?: boolean } = {},
): UpdateExpression {
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':one': 1, ':now': now };
  const set = ['#version = #version + :one', '#updatedAt = :now'];
  if (changeStamp) {
    names['#changeStamp'] = CHANGE_STAMP;
    values[':changeStamp'] = newChangeStamp();
    set.push('#changeStamp = :changeStamp');
  }
  const remove: string[] = [];

  // A todo's title and notes are kept folded beside them, for search (todo-item.ts).
  const searched = {
    ...('title' in patch && typeof patch.title === 'string' ? { searchTitle: searchFold(patch.title) } : {}),
    ...('notes' in patch && patch.notes !== undefined
      ? { searchNotes: patch.notes ? searchFold(patch.notes) : null }
      : {}),
  };
  for (const [field, value] of Object.entries({ ...patch, ...searched, ...extra })) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    if (value === null) {
      remove.push(`#${field}`);
    } else {
      values[`:${field}`] = value;
      set.push(`#${field} = :${field}`);
    }
  }
  // A todo whose due day is cleared has no due time nor repeat either (the contract refuses
  // them without a day).
  if ('dueDate' in patch && patch.dueDate === null) {
    for (const field of ['dueTime', 'recurrence']) {
      if (remove.includes(`#${field}`)) continue;
      names[`#${field}`] = field;
      remove.push(`#${field}`);
    }
  }
  const completed = 'completed' in patch ? patch.completed : undefined;
  if (completed === true) {
    // Completing an already completed todo keeps the moment it was first completed.
    names['#completedAt'] = 'completedAt';
    set.push('#completedAt = if_not_exists(#completedAt, :now)');
  } else if (completed === false) {
    names['#completedAt'] = 'completedAt';
    remove.push('#completedAt');
  }
  const expression = `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`;
  return { UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
