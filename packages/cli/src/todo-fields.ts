import type { Todo, TodoPatch } from '@todolist/sdk';

/** The fields of a todo a person sets (not its id, times or version), as a patch would write them all. */
export function editableFields(
  todo: Todo,
): Pick<Todo, 'title' | 'notes' | 'dueDate' | 'dueTime' | 'recurrence' | 'priority' | 'tags' | 'completed'> {
  return {
    title: todo.title,
    notes: todo.notes,
    dueDate: todo.dueDate,
    dueTime: todo.dueTime,
    recurrence: todo.recurrence,
    priority: todo.priority,
    tags: todo.tags,
    completed: todo.completed,
  };
}

/**
 * Only the fields of `patch` that differ from the todo: one asked for with the value it has is
 * no change. A new due time or repeat keeps its day beside it, as the API takes them only with
 * their day.
 */
export function changedFields(patch: TodoPatch, todo: Todo): TodoPatch {
  const changed: TodoPatch = Object.fromEntries(
    Object.entries(patch).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify(todo[field as keyof Todo]),
    ),
  );
  if ((changed.dueTime || changed.recurrence) && changed.dueDate === undefined && patch.dueDate !== undefined)
    changed.dueDate = patch.dueDate;
  return changed;
}
