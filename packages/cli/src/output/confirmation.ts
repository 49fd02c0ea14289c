import type { Todo } from '@todolist/sdk';
import type { IO } from '../io.js';
import { safeText } from './safe-text.js';

/**
 * What a command did to a todo, as one line on stderr: `Done Buy milk 01M89DDGSQ…`, the label
 * already coloured by the caller; `due` goes after the title, `after` after the id. A status
 * message, as gh writes them: stdout is left to data (`--json`, a list), what a script pipes.
 */
export function printConfirmation(
  io: IO,
  label: string,
  todo: Pick<Todo, 'id' | 'title'>,
  extra: { due?: string; after?: string } = {},
): void {
  const due = extra.due ? io.color.dim(` (due ${extra.due})`) : '';
  const after = extra.after ? ` ${extra.after}` : '';
  io.err(`${label} ${safeText(todo.title)}${due} ${io.color.dim(`${todo.id}${after}`)}`);
}
