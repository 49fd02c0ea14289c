import type { Todo } from '@todolist/sdk/contract';
import { idFromSortKey } from './keys.js';

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
