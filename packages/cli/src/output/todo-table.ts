import { stripVTControlCharacters } from 'node:util';
import type { Todo } from '@todolist/sdk';
import { dueState, localDay, localTime } from '@todolist/sdk/contract';
import { shortId, shortIdLength } from '../ids/short-id.js';
import type { IO } from '../io.js';
import { describeDue } from './dates.js';
import { safeText } from './safe-text.js';
import { tagLabels } from './tag-labels.js';

const PRIORITY_MARK = { high: '!!', normal: '', low: '↓' } as const;

/** Shown for each todo: the number to type, a short id, and its state at a glance. */
interface Row {
  number: string;
  id: string;
  done: string;
  priority: string;
  due: string;
  /** Escaped, not coloured: it may be cut to fit. */
  title: string;
  tags: string;
  /** Who made it and who changed it last, on a shared list; empty elsewhere. */
  by: string;
}

// Visible width, ignoring colour codes; each code point counts as one column.
const visibleLength = (text: string) => [...stripVTControlCharacters(text)].length;
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - visibleLength(text)));

function truncate(text: string, width: number): string {
  const characters = [...text];
  return characters.length <= width ? text : `${characters.slice(0, Math.max(1, width - 1)).join('')}…`;
}

/** Where a table's numbering starts, and who made each todo (a shared list's BY column). */
export interface TableOptions {
  /** The number of the first row, so tables one after another number on: 1 by default. */
  start?: number;
  /** For each todo, who made it (and changed it), already escaped; no BY column without it. */
  by?: readonly string[];
}

function row(todo: Todo, index: number, io: IO, now: Date, idLength: number): Row {
  const { color } = io;
  const state = dueState(todo, localDay(now), localTime(now));
  const day = todo.dueDate ? describeDue(todo.dueDate, now) : '';
  // ↻: it repeats (todo show says how).
  const due = `${todo.dueTime ? `${day} ${todo.dueTime}` : day}${todo.recurrence ? ' ↻' : ''}`;
  return {
    number: String(index + 1),
    id: color.dim(shortId(todo.id).slice(0, idLength)),
    done: todo.completed ? color.green('✓') : ' ',
    priority:
      todo.priority === 'high' ? color.red.bold(PRIORITY_MARK.high) : color.dim(PRIORITY_MARK[todo.priority]),
    due: state === 'overdue' ? color.red(due) : state === 'today' ? color.yellow.bold(due) : due,
    title: safeText(todo.title),
    tags: tagLabels(todo.tags, color),
    by: '',
  };
}

/**
 * The todos as an aligned table, one per line, numbered so that `todo done 2` can name the
 * second, with the short ids `todo done kfrm` takes. On a terminal, titles are cut to fit its
 * width; in a pipe or a file nothing is cut.
 */
export function printTodoTable(io: IO, todos: readonly Todo[], now: Date, options: TableOptions = {}): void {
  if (todos.length === 0) return;
  const header: Row = {
    number: '#',
    id: 'ID',
    done: '',
    priority: '',
    due: 'DUE',
    title: 'TITLE',
    tags: 'TAGS',
    by: options.by ? 'BY' : '',
  };
  const idLength = shortIdLength(todos.map((todo) => todo.id));
  const start = options.start ?? 1;
  const rows = todos.map((todo, index) => ({
    ...row(todo, start - 1 + index, io, now, idLength),
    by: options.by?.[index] ?? '',
  }));
  const width = (key: keyof Row) => Math.max(...[header, ...rows].map((r) => visibleLength(r[key])));
  const widths = { number: width('number'), id: width('id'), due: width('due'), tags: width('tags') };
  const byWidth = options.by ? width('by') + 2 : 0;
  const fixed = widths.number + widths.id + 1 + 2 + widths.due + widths.tags + 6 * 2 + byWidth;
  const titleWidth = Math.min(
    width('title'),
    io.columns === undefined ? Number.POSITIVE_INFINITY : Math.max(20, io.columns - fixed),
  );
  const line = (r: Row, title: string) =>
    [
      pad(r.number, widths.number),
      pad(r.id, widths.id),
      pad(r.done, 1),
      pad(r.priority, 2),
      pad(r.due, widths.due),
      pad(title, titleWidth),
      ...(options.by ? [pad(r.tags, widths.tags), r.by] : [r.tags]),
    ]
      .join('  ')
      .trimEnd();
  io.out(io.color.bold(line(header, header.title)));
  todos.forEach((todo, index) => {
    const r = rows[index] as Row;
    const title = truncate(r.title, titleWidth);
    io.out(line(r, todo.completed ? io.color.dim.strikethrough(title) : title));
  });
}
