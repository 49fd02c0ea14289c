import type { Todo } from '@todolist/sdk';
import { misreadWords, type WordKind } from '../import/apps/todotxt-words.js';
import { todotxtLine } from './todotxt-line.js';

/** How many of the todos whose titles todo.txt misreads are named on stderr; then how many more. */
const SHOWN = 20;

const AS: Record<WordKind, string> = {
  project: 'a project',
  context: 'a context',
  'key:value': 'a key:value',
};

/**
 * What is said of a todo whose title holds words todo.txt reads as something else (it has no
 * escaping): `01KM… "Buy +2 batteries": todo.txt reads +2 as a project; written as it is`.
 * Undefined for a title read back as it is.
 */
export function misreadTitleLine(todo: Pick<Todo, 'id' | 'title'>): string | undefined {
  const words = misreadWords(todo.title);
  if (words.length === 0) return undefined;
  const read = words.map(({ word, kind }) => `${word} as ${AS[kind]}`).join(', ');
  return `${todo.id} "${todo.title}": todo.txt reads ${read}; written as it is`;
}

/**
 * The todos as todo.txt lines, streamed; once all are written, `report` is given a line for each
 * of the first {@link SHOWN} todos whose titles todo.txt would read back otherwise, then how many more.
 */
export async function* todotxtLines(
  todos: AsyncIterable<Todo & { list: string }>,
  report: (line: string) => void,
): AsyncGenerator<string> {
  const shown: string[] = [];
  let more = 0;
  for await (const todo of todos) {
    const misread = misreadTitleLine(todo);
    if (misread && shown.length < SHOWN) shown.push(misread);
    else if (misread) more++;
    yield todotxtLine(todo);
  }
  for (const line of shown) report(line);
  if (more > 0)
    report(
      `… and ${more} more todo${more === 1 ? '' : 's'} whose title holds words todo.txt reads as a project, a context or a key:value`,
    );
}
