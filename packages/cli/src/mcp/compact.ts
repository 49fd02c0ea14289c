import type { List, Todo } from '@todolist/sdk';
import { shortId } from '../ids/short-id.js';

// What the tools answer: the fields an assistant talks about, with the short id a person sees in
// `todo list` (and types back), not the whole API record (createdBy, position, version…).

/** A todo as a tool answers it. */
export interface CompactTodo {
  /** The short id `todo list` shows; the tools take it back. */
  shortId: string;
  id: string;
  title: string;
  completed: boolean;
  listId: string;
  priority: Todo['priority'];
  tags: string[];
  dueDate?: string;
  dueTime?: string;
  notes?: string;
  recurrence?: string;
}

/** One todo, compact, its short id `idLength` letters long (the session's ShownTodos says how many). */
export function compactTodo(todo: Todo, idLength: number): CompactTodo {
  return {
    shortId: shortId(todo.id).slice(0, idLength),
    id: todo.id,
    title: todo.title,
    completed: todo.completed,
    listId: todo.listId,
    priority: todo.priority,
    tags: todo.tags,
    ...(todo.dueDate ? { dueDate: todo.dueDate } : {}),
    ...(todo.dueTime ? { dueTime: todo.dueTime } : {}),
    ...(todo.notes ? { notes: todo.notes } : {}),
    ...(todo.recurrence ? { recurrence: todo.recurrence.rrule } : {}),
  };
}

/** One line of a tool's text: `kfrm Pay rent (due 2026-12-04, high) #home`. */
export function todoLine(todo: CompactTodo): string {
  const facts = [
    todo.completed ? 'done' : undefined,
    todo.dueDate ? `due ${todo.dueDate}${todo.dueTime ? ` ${todo.dueTime}` : ''}` : undefined,
    todo.priority === 'normal' ? undefined : todo.priority,
  ].filter(Boolean);
  const tags = todo.tags.map((tag) => ` #${tag}`).join('');
  return `${todo.shortId} ${todo.title}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${tags}`;
}

/** A list as a tool or resource answers it. */
export interface CompactList {
  id: string;
  name: string;
  inbox: boolean;
  archived: boolean;
  role: List['role'];
  shared: boolean;
  openCount: number;
}

export function compactList({ id, name, inbox, archived, role, shared, openCount }: List): CompactList {
  return { id, name, inbox, archived, role, shared, openCount };
}

/** One line of a tool's text: `"Groceries" (3 open, shared) 01M8…`. */
export function listLine(list: CompactList): string {
  const facts = [`${list.openCount} open`, list.archived && 'archived', list.shared && 'shared'].filter(
    Boolean,
  );
  return `"${list.name}" (${facts.join(', ')}) ${list.id}`;
}
