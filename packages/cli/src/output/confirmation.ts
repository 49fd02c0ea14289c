import type { Todo } from '@todolist/sdk';
import type { IO } from '../io.js';
import { safeText } from './safe-text.js';

/** What goes around a todo's title in a {@link confirmationLine}: its due day, tags, and what follows its id. */
export interface ConfirmationExtra {
  due?: string;
  /** Already escaped and coloured (`tagLabels`). */
  tags?: string;
  after?: string;
}

/**
 * What was done to a todo, as one line: `Done Buy milk 01M89DDGSQ…`, the label already coloured
 * by the caller; `due` and `tags` go after the title, `after` after the id.
 */
export function confirmationLine(
  io: IO,
  label: string,
  todo: Pick<Todo, 'id' | 'title'>,
  extra: ConfirmationExtra = {},
): string {
  const due = extra.due ? io.color.dim(` (due ${extra.due})`) : '';
  const tags = extra.tags ? ` ${extra.tags}` : '';
  const after = extra.after ? ` ${extra.after}` : '';
  return `${label} ${safeText(todo.title)}${due}${tags} ${io.color.dim(`${todo.id}${after}`)}`;
}

/**
 * A {@link confirmationLine} on stderr. A status message, as gh writes them: stdout is left to
 * data (`--json`, a list), what a script pipes.
 */
export function printConfirmation(
  io: IO,
  label: string,
  todo: Pick<Todo, 'id' | 'title'>,
  extra: { due?: string; after?: string } = {},
): void {
  io.err(confirmationLine(io, label, todo, extra));
}
