import { TimeZone } from '@todolist/sdk/contract';
import type { AppTodo } from './app-rows.js';

/** A Todoist DATE cell read as quick add reads it, or why it was kept in the notes instead. */
export interface TodoistDate {
  fields: AppTodo;
  lost?: string;
}

// A title the date words are put after, so that quick add reads them as a date and nothing else:
// what it leaves of the text must be this word alone.
const PLACEHOLDER = 'todo';

/**
 * Todoist's DATE column (`tomorrow`, `every monday`, `Dec 24 5pm`, `2026-12-24`) read by the
 * SDK's quick add parser, in the row's TIMEZONE when it names one, else the profile's. Words it
 * does not read whole, and a DATE_LANG other than English, are kept in the notes.
 */
export async function readTodoistDate(
  date: string,
  cells: { lang?: string; timeZone?: string },
  options: { timeZone: string; now: Date },
): Promise<TodoistDate> {
  const kept = { fields: { notes: `Todoist date: ${date}` } };
  if (cells.lang && cells.lang.toLowerCase() !== 'en')
    return {
      ...kept,
      lost: `DATE "${date}" is in DATE_LANG ${cells.lang}, which only English dates are read in: kept in the notes`,
    };
  const timeZone =
    cells.timeZone && TimeZone.safeParse(cells.timeZone).success ? cells.timeZone : options.timeZone;
  const { parseQuickAdd } = await import('@todolist/sdk/quick-add');
  const parse = parseQuickAdd(`${PLACEHOLDER} ${date}`, { now: options.now, timeZone });
  const onlyDate = parse.taken.every((taken) => taken.kind === 'due' || taken.kind === 'recurrence');
  if (parse.title !== PLACEHOLDER || !onlyDate || !parse.due)
    return { ...kept, lost: `DATE "${date}" is not a date quick add reads whole: kept in the notes` };
  return {
    fields: {
      due: parse.due,
      ...(parse.dueTime ? { dueTime: parse.dueTime } : {}),
      ...(parse.recurrence ? { recurrence: parse.recurrence } : {}),
    },
  };
}
