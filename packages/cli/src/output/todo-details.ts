import type { Todo } from '@todolist/sdk';
import { dueState, localDay, localTime } from '@todolist/sdk/contract';
import type { IO } from '../io.js';
import { describeDue } from './dates.js';
import { dueText } from './due-text.js';
import { safeLines, safeText } from './safe-text.js';
import { tagLabels } from './tag-labels.js';

const LABEL_WIDTH = 9;

/** A repeat as `todo show` says it: its RRULE, its zone, and whether it counts from completion. */
function repeatText(recurrence: NonNullable<Todo['recurrence']>): string {
  const from = recurrence.fromCompletion ? ', from the day it is done' : '';
  return `${safeText(recurrence.rrule)} (${safeText(recurrence.timeZone)})${from}`;
}

/** One todo, every field on its own line, for `todo show`; notes keep their lines, indented. */
export function printTodoDetails(io: IO, todo: Todo, now: Date): void {
  const { color } = io;
  const state = dueState(todo, localDay(now), localTime(now));
  const relative = todo.dueDate ? describeDue(todo.dueDate, now) : '';
  const due = !todo.dueDate
    ? '—'
    : relative === todo.dueDate
      ? dueText(todo)
      : `${dueText(todo)} (${relative})`;
  const lines: [string, string][] = [
    ['id', todo.id],
    ['title', color.bold(safeText(todo.title))],
    [
      'status',
      todo.completed
        ? color.green(`done ${todo.completedAt ? `at ${todo.completedAt}` : ''}`.trim())
        : 'open',
    ],
    ['due', state === 'overdue' ? color.red(`${due} overdue`) : state === 'today' ? color.yellow(due) : due],
    ...(todo.recurrence ? [['repeats', repeatText(todo.recurrence)] as [string, string]] : []),
    ...(todo.completions.length > 0
      ? [['done on', todo.completions.map((completion) => completion.dueDate).join(', ')] as [string, string]]
      : []),
    ['priority', todo.priority === 'high' ? color.red(todo.priority) : todo.priority],
    ['tags', todo.tags.length > 0 ? tagLabels(todo.tags, color) : '—'],
    ['notes', todo.notes === null ? '—' : safeLines(todo.notes, ' '.repeat(LABEL_WIDTH))],
    ['created', todo.createdAt],
    ['updated', `${todo.updatedAt} (version ${todo.version})`],
  ];
  for (const [label, value] of lines) io.out(`${color.dim(label.padEnd(LABEL_WIDTH))}${value}`);
}
