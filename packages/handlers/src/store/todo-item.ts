import type { Todo, TodoCreate } from '@todolist/sdk/contract';
import { idFromSortKey, todoKey } from './keys.js';

/** A todo as stored in DynamoDB: the API's fields, absent ones left out, plus the keys. */
export interface TodoItem {
  pk: string;
  sk: string;
  title: string;
  notes?: string;
  completed: boolean;
  completedAt?: string;
  dueDate?: string;
  priority: Todo['priority'];
  tags: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The API's view of a stored todo. */
export function toTodo(item: TodoItem): Todo {
  return {
    id: idFromSortKey(item.sk),
    title: item.title,
    notes: item.notes ?? null,
    completed: item.completed,
    completedAt: item.completedAt ?? null,
    dueDate: item.dueDate ?? null,
    priority: item.priority,
    tags: item.tags ?? [],
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

/** A new todo's item: version 1, absent fields left out, `completedAt` stamped if created done. */
export function newTodoItem(ownerId: string, id: string, input: TodoCreate, now: string): TodoItem {
  const completed = input.completed ?? false;
  return {
    ...todoKey(ownerId, id),
    title: input.title,
    ...(input.notes ? { notes: input.notes } : {}),
    completed,
    ...(completed ? { completedAt: now } : {}),
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    priority: input.priority ?? 'normal',
    tags: input.tags ?? [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
