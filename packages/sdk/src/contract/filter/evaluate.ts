import { addDays, formatDay, parseDay } from '../calendar.js';
import { dueState } from '../due.js';
import { searchMatches, searchWords } from '../search.js';
import type { Todo } from '../todo.js';
import { dateOf } from './days.js';
import type { FilterNode } from './parse.js';

/** What a filter is evaluated against besides the todo: the reader's day and lists. */
export interface FilterContext {
  /** The reader's today, `YYYY-MM-DD`. */
  today: string;
  /** The reader's time, `HH:MM`: an open todo due today at a time past is overdue. */
  now?: string;
  /** Whether the todo's list is the list `@name` names (names compare case aside). */
  listNamed(listId: string, name: string): boolean;
  /** Whether the todo's list is shared (has people besides its owner). */
  isShared(listId: string): boolean;
}

type FilteredTodo = Pick<
  Todo,
  'title' | 'notes' | 'dueDate' | 'dueTime' | 'completed' | 'priority' | 'tags' | 'recurrence' | 'listId'
>;

/**
 * Whether `todo` passes `filter` ({@link parseFilter}). `next N days`: due today or on one of
 * the N − 1 days after it; `before: DAY`: due before that day (a todo with no date is not).
 * Done or not is the listing's `status`, not the filter's: only `overdue` reads it.
 */
export function filterMatches(filter: FilterNode, todo: FilteredTodo, context: FilterContext): boolean {
  switch (filter.kind) {
    case 'and':
      return filterMatches(filter.left, todo, context) && filterMatches(filter.right, todo, context);
    case 'or':
      return filterMatches(filter.left, todo, context) || filterMatches(filter.right, todo, context);
    case 'not':
      return !filterMatches(filter.operand, todo, context);
    case 'today':
      return todo.dueDate === context.today;
    case 'overdue':
      return dueState(todo, context.today, context.now) === 'overdue';
    case 'noDate':
      return todo.dueDate === null;
    case 'recurring':
      return todo.recurrence !== null;
    case 'shared':
      return context.isShared(todo.listId);
    case 'nextDays': {
      const end = formatDay(addDays(parseDay(context.today), filter.days));
      return todo.dueDate !== null && todo.dueDate >= context.today && todo.dueDate < end;
    }
    case 'before':
      return todo.dueDate !== null && todo.dueDate < dateOf(filter.day, context.today);
    case 'priority':
      return todo.priority === filter.priority;
    case 'tag':
      return todo.tags.includes(filter.tag);
    case 'list':
      return context.listNamed(todo.listId, filter.name);
    case 'search':
      return searchMatches(todo, searchWords(filter.words));
  }
}
