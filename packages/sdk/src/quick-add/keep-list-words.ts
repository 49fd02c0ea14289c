import type { QuickAddParse } from './types.js';

/**
 * The parse with its `@list` words given back to the title, for a name that fits no list: as
 * Todoist leaves an unknown #project in the task's name, the words the person typed are kept
 * rather than lost, and the todo goes to the default list (the API's route and `todo add`
 * alike). Every `@` word goes back (the parse took them all, the last one naming the list). The
 * title is rebuilt as the parse builds it: the text before the notes, without the other words
 * taken, its spaces collapsed.
 */
export function keepListWords(text: string, parse: QuickAddParse): QuickAddParse {
  const { list: _list, ...rest } = parse;
  const notes = parse.taken.find((piece) => piece.kind === 'notes');
  const taken = parse.taken.filter((piece) => piece.kind !== 'list');
  let title = notes ? text.slice(0, notes.start) : text;
  for (const { kind, start, end } of taken) {
    if (kind !== 'notes') title = title.slice(0, start) + ' '.repeat(end - start) + title.slice(end);
  }
  // As the parse's own title: "Pay rent #home, then" is "Pay rent, then".
  title = title
    .replace(/\s+/g, ' ')
    .replace(/ ([,;:.!?])(?=\s|$)/g, '$1')
    .trim();
  return { ...rest, title, taken };
}
