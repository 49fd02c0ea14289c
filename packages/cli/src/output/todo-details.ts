import type { Todo } from '@todolist/sdk';
import type { IO } from '../io.js';
import { describeDue, dueState } from './dates.js';

/** One todo, every field on its own line, for `todo show`. */
export function printTodoDetails(io: IO, todo: Todo, now: Date): void {
  const { color } = io;
  const state = dueState(todo.dueDate, todo.completed, now);
  const relative = todo.dueDate ? describeDue(todo.dueDate, now) : '';
  const due = !todo.dueDate
    ? '—'
    : relative === todo.dueDate
      ? todo.dueDate
      : `${todo.dueDate} (${relative})`;
  const lines: [string, string][] = [
    ['id', todo.id],
    ['title', color.bold(todo.title)],
    [
      'status',
      todo.completed
        ? color.green(`done ${todo.completedAt ? `at ${todo.completedAt}` : ''}`.trim())
        : 'open',
    ],
    ['due', state === 'overdue' ? color.red(`${due} overdue`) : state === 'today' ? color.yellow(due) : due],
    ['priority', todo.priority === 'high' ? color.red(todo.priority) : todo.priority],
    ['tags', todo.tags.length > 0 ? todo.tags.map((tag) => color.cyan(`#${tag}`)).join(' ') : '—'],
    ['notes', todo.notes ?? '—'],
    ['created', todo.createdAt],
    ['updated', `${todo.updatedAt} (version ${todo.version})`],
  ];
  for (const [label, value] of lines) io.out(`${color.dim(label.padEnd(9))}${value}`);
}
