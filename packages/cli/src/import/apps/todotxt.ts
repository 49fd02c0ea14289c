import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SourceRow } from '../read-rows.js';
import { type AppReadOptions, type AppTodo, appRow, everyRrule, joinNotes, tagsOf } from './app-rows.js';
import { listOfProject, priorityOfLetter, wordKind } from './todotxt-words.js';

// todo.txt (github.com/todotxt/todo.txt): one task a line. `x` and a completion date, then a
// priority `(A)`, then a creation date, then the text with `+project`, `@context` and
// `key:value` words anywhere in it.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** todo.txt's rec extension: `rec:1w` counts from the day it is done, `rec:+1w` from its due day. */
const REC = /^(\+?)(\d{1,3})([dwmy])$/;

interface Words {
  title: string[];
  projects: string[];
  contexts: string[];
  keep: string[];
  values: Map<string, string>;
}

/** The words of a task's text, sorted into what they are. */
function wordsOf(text: string): Words {
  const words: Words = { title: [], projects: [], contexts: [], keep: [], values: new Map() };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const kind = wordKind(word);
    if (kind === 'project') words.projects.push(word);
    else if (kind === 'context') words.contexts.push(word.slice(1));
    else if (kind === 'key:value') {
      const [key = '', value = ''] = word.split(':');
      const known = key.toLowerCase();
      if (['due', 'rec', 'pri', 'rrule'].includes(known) && !words.values.has(known))
        words.values.set(known, value);
      else words.keep.push(word);
    } else words.title.push(word);
  }
  return words;
}

/** The repeat `rec:` or `rrule:` asks for, or why it cannot be kept. */
function repeatOf(words: Words, due: string | undefined, timeZone: string) {
  const rrule = words.values.get('rrule');
  if (rrule) return { recurrence: { rrule, timeZone } };
  const rec = words.values.get('rec');
  if (!rec) return {};
  const match = REC.exec(rec);
  if (!match)
    return { lost: `rec:${rec} is no repeat todo reads (rec:1w, rec:+2m: d, w, m or y): kept in the notes` };
  if (!due) return { lost: `rec:${rec} needs a due: day to repeat from: kept in the notes` };
  const [, strict, count, unit] = match;
  return {
    recurrence: {
      rrule: everyRrule(Number(count), unit as 'd'),
      fromCompletion: strict !== '+',
      timeZone,
    },
  };
}

/** One line of todo.txt as a todo: what it says, what is kept in its notes, and what was lost. */
export function todoOfLine(line: string, options: Pick<AppReadOptions, 'timeZone'>) {
  let rest = line.trim();
  const take = (pattern: RegExp) => {
    const match = pattern.exec(rest);
    if (match) rest = rest.slice(match[0].length);
    return match;
  };
  const done = !!take(/^x\s+/);
  const letter = take(/^\(([A-Z])\)\s+/)?.[1];
  const first = take(/^(\d{4}-\d{2}-\d{2})\s+/)?.[1];
  const second = done && first ? take(/^(\d{4}-\d{2}-\d{2})\s+/)?.[1] : undefined;
  const [completedOn, createdOn] = done ? [first, second] : [undefined, first];
  const words = wordsOf(rest);
  const lost: string[] = [];
  const [project, ...moreProjects] = words.projects;
  if (moreProjects.length > 0)
    lost.push(`only the first +project is its list: ${moreProjects.join(' ')} kept in the notes`);
  const { tags, refused } = tagsOf(words.contexts);
  if (refused.length > 0) lost.push(`@${refused.join(' @')} cannot be a tag: kept in the notes`);
  const due = words.values.get('due');
  const repeat = repeatOf(words, due && DATE.test(due) ? due : undefined, options.timeZone);
  if (repeat.lost) lost.push(repeat.lost);
  if (words.keep.length > 0)
    lost.push(
      `${words.keep.join(' ')} ${words.keep.length === 1 ? 'is a key:value' : 'are key:values'} todo has no field for: kept in the notes`,
    );
  const pri = words.values.get('pri');
  const notes = joinNotes(
    [createdOn ? `created ${createdOn}` : undefined, completedOn ? `completed ${completedOn}` : undefined]
      .filter(Boolean)
      .join(', '),
    [
      ...moreProjects,
      ...refused.map((word) => `@${word}`),
      ...(repeat.lost ? [`rec:${words.values.get('rec')}`] : []),
      ...words.keep,
    ].join(' '),
  );
  const todo: AppTodo = {
    title: words.title.join(' '),
    ...(notes ? { notes } : {}),
    ...(due ? { due } : {}),
    ...(repeat.recurrence ? { recurrence: repeat.recurrence } : {}),
    ...(letter
      ? { priority: priorityOfLetter(letter) }
      : pri && /^[A-Z]$/.test(pri)
        ? { priority: priorityOfLetter(pri) }
        : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(done ? { completed: true } : {}),
    ...(project ? { list: listOfProject(project) } : {}),
  };
  return { todo, lost };
}

/** The tasks of a todo.txt file, one a line, blank lines skipped but counted. */
export async function* todotxtRows(file: string, options: AppReadOptions): AsyncGenerator<SourceRow> {
  const input = file === '-' ? process.stdin : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let index = 0;
  for await (const text of lines) {
    line++;
    const task = text.replace(/^\uFEFF/, '');
    if (!task.trim()) continue;
    const { todo, lost } = todoOfLine(task, options);
    for (const message of lost) options.notice(line, message);
    yield appRow(index++, line, todo, task);
  }
}
