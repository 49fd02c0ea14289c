import { createHash } from 'node:crypto';
import { localDay, localTime } from '@todolist/sdk/contract';
import type { SourceRow } from '../read-rows.js';
import { type AppReadOptions, type AppTodo, appRow, everyRrule, joinNotes, tagsOf } from './app-rows.js';
import { taskwarriorRecords } from './taskwarrior-records.js';
import { RepeatCopies } from './taskwarrior-repeats.js';

// Taskwarrior's `task export` (read by taskwarrior-records.ts). Dates are UTC, `20261224T120000Z`.

const PRIORITIES: Record<string, string> = { H: 'high', M: 'normal', L: 'low' };

/** Taskwarrior's named periods, as RRULE values. */
const NAMED_RECUR: Record<string, string> = {
  daily: 'FREQ=DAILY',
  day: 'FREQ=DAILY',
  weekdays: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  weekly: 'FREQ=WEEKLY',
  week: 'FREQ=WEEKLY',
  biweekly: 'FREQ=WEEKLY;INTERVAL=2',
  fortnight: 'FREQ=WEEKLY;INTERVAL=2',
  monthly: 'FREQ=MONTHLY',
  month: 'FREQ=MONTHLY',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
  semiannual: 'FREQ=MONTHLY;INTERVAL=6',
  yearly: 'FREQ=YEARLY',
  annual: 'FREQ=YEARLY',
  year: 'FREQ=YEARLY',
  biannual: 'FREQ=YEARLY;INTERVAL=2',
  biyearly: 'FREQ=YEARLY;INTERVAL=2',
};

/** `2w`, `3days`, `1mo`, `2q`, `1y` (no hours or minutes: a todo repeats by the day). */
const COUNTED_RECUR = /^(\d{1,3})\s*(d|days?|w|wks?|weeks?|mo|mos|months?|q|qtrs?|quarters?|y|yrs?|years?)$/;

/** The RRULE value of a `recur`, or undefined for one todo cannot repeat by. */
export function rruleOfRecur(recur: string): string | undefined {
  const typed = recur.trim().toLowerCase();
  const named = NAMED_RECUR[typed];
  if (named) return named;
  const match = COUNTED_RECUR.exec(typed);
  if (!match) return undefined;
  const [, count = '1', unit = 'd'] = match;
  if (unit.startsWith('q')) return everyRrule(Number(count) * 3, 'm');
  return everyRrule(Number(count), unit.startsWith('mo') ? 'm' : (unit[0] as 'd' | 'w' | 'y'));
}

/** `20261224T120000Z` as a Date; undefined for anything else. */
export function taskwarriorDate(value: unknown): Date | undefined {
  const match =
    typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : undefined;
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds] = match.map(Number) as number[];
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hours, minutes, seconds));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The todo id a task's `uuid` always gives: its `entry` time first (as a ULID's), then 80 bits
 * of the uuid's hash, so importing a later export of the same tasks finds the ones already in.
 */
export function idOfUuid(uuid: string, entry: Date | undefined): string {
  let value = BigInt(entry?.getTime() ?? 0);
  let time = '';
  for (let position = 0; position < 10; position++, value /= 32n)
    time = CROCKFORD[Number(value % 32n)] + time;
  const hash = createHash('sha256').update(`taskwarrior:${uuid.toLowerCase()}`).digest();
  let rest = '';
  for (let position = 0; position < 16; position++) rest += CROCKFORD[(hash[position] ?? 0) % 32];
  return time + rest;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The due day and time of a task in the profile's zone; a due at local midnight is a day alone. */
function dueOf(task: Record<string, unknown>): AppTodo {
  const due = taskwarriorDate(task.due);
  if (!due) return task.due === undefined ? {} : { due: String(task.due) };
  const time = localTime(due);
  return { due: localDay(due), ...(time === '00:00' ? {} : { dueTime: time }) };
}

/**
 * One task of the export as a todo, or undefined for one skipped (deleted, or a repeat's
 * template). With `repeats` false, its `recur` is not read: a copy of a repeat that another carries.
 */
export function todoOfTask(
  task: Record<string, unknown>,
  line: number,
  options: AppReadOptions,
  repeats = true,
): AppTodo | undefined {
  const status = text(task.status) ?? 'pending';
  if (status === 'deleted' || status === 'recurring') {
    options.skip(status === 'deleted' ? 'deleted' : 'recurring template');
    return undefined;
  }
  const due = dueOf(task);
  const recur = repeats ? text(task.recur) : undefined;
  const rrule = recur ? rruleOfRecur(recur) : undefined;
  if (recur && !rrule) options.notice(line, `recur "${recur}" is no repeat todo knows: kept in the notes`);
  const words = Array.isArray(task.tags) ? task.tags.filter((tag) => typeof tag === 'string') : [];
  const { tags, refused } = tagsOf(words);
  if (refused.length > 0)
    options.notice(line, `tags ${refused.join(', ')} are no todo tags: kept in the notes`);
  const annotations = Array.isArray(task.annotations) ? (task.annotations as Record<string, unknown>[]) : [];
  const end = taskwarriorDate(task.end);
  const notes = joinNotes(
    ...annotations.map((note) => {
      const at = taskwarriorDate(note.entry);
      return `${at ? `${localDay(at)}: ` : ''}${text(note.description) ?? ''}`;
    }),
    status === 'completed' && end ? `completed ${localDay(end)}` : undefined,
    recur && !rrule ? `recur: ${recur}` : undefined,
    refused.length > 0 ? `tags: ${refused.join(' ')}` : undefined,
  );
  const uuid = text(task.uuid);
  const priority = text(task.priority);
  return {
    ...(uuid ? { id: idOfUuid(uuid, taskwarriorDate(task.entry)) } : {}),
    title: typeof task.description === 'string' ? task.description : '',
    ...(notes ? { notes } : {}),
    ...due,
    ...(rrule ? { recurrence: { rrule, timeZone: options.timeZone } } : {}),
    ...(priority ? { priority: PRIORITIES[priority] ?? priority } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    completed: status === 'completed',
    ...(text(task.project) ? { list: text(task.project) } : {}),
  };
}

/**
 * The tasks of a `task export` file, or of standard input (`-`); deleted ones and templates counted
 * as skipped. The copies of a repeating task come last, once it is known which of them repeats.
 */
export async function* taskwarriorRows(file: string, options: AppReadOptions): AsyncGenerator<SourceRow> {
  const copies = new RepeatCopies();
  let index = 0;
  for await (const row of taskwarriorRecords(file)) {
    if ('unreadable' in row.row) yield { ...row, index: index++ };
    else if (!copies.hold(row.row, row.line)) {
      const todo = todoOfTask(row.row, row.line, options);
      if (todo) yield appRow(index++, row.line, todo, row.row);
    }
  }
  for (const { task, line, repeats } of copies.release(options.notice)) {
    const todo = todoOfTask(task, line, options, repeats);
    if (todo) yield appRow(index++, line, todo, task);
  }
}
