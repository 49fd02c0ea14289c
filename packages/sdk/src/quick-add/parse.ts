import { parseDay } from '../contract/calendar.js';
import { takeDue } from './dates.js';
import { firstOccurrence } from './first-occurrence.js';
import { keptSpans } from './kept.js';
import { takeList } from './list.js';
import { takeNotes } from './notes.js';
import { takePriority } from './priority.js';
import { takeRecurrence } from './recurrence.js';
import { toRrule } from './rule.js';
import { withoutSpans } from './spans.js';
import { takeTags } from './tags.js';
import { zonedNow } from './time-zone.js';
import type { QuickAddOptions, QuickAddParse, Taken } from './types.js';

/**
 * Reads a quick-add text: the title, and the due day and time, priority, tags, list, repeat and
 * notes it names. What is not understood stays in the title; `taken` says which words were read
 * as what, with their positions, to show as chips while the person types. A text that is nothing
 * but such words is all title (a todo needs a title), and nothing is taken from it but its notes.
 *
 * @example
 * ```ts
 * const parse = parseQuickAdd('Pay rent every month on the 1st p1 #home // transfer', {
 *   now: new Date('2026-12-02T10:00:00Z'),
 *   timeZone: 'Europe/Paris',
 * });
 * // { title: 'Pay rent', due: '2027-01-01', priority: 'high', tags: ['home'], notes: 'transfer',
 * //   recurrence: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', fromCompletion: false, timeZone: 'Europe/Paris' }, taken: [...] }
 * ```
 */
export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAddParse {
  const { timeZone } = options;
  const instant = options.now ?? new Date();
  const { today, offsetMinutes } = zonedNow(instant, timeZone);
  const kept = keptSpans(text);
  const notes = takeNotes(text, kept);
  const body = notes ? text.slice(0, notes.taken.start) : text;

  // Order matters: the sigil words and the repeat are taken before chrono reads what is left,
  // so "every mon, thu" and "#dec" are not read as dates.
  const taken: Taken[] = [];
  const claimed = () => [...kept, ...taken];
  const recurrence = takeRecurrence(body, claimed());
  if (recurrence) taken.push(recurrence.taken);
  const priority = takePriority(body, claimed());
  taken.push(...priority.taken);
  const tags = takeTags(body, claimed());
  taken.push(...tags.taken);
  const list = takeList(body, claimed());
  taken.push(...list.taken);
  const due = takeDue(body, claimed(), { instant, offsetMinutes });
  if (due) taken.push(due.taken);

  const title = withoutSpans(body, taken);
  const withNotes = notes ? { notes: notes.notes } : {};
  if (!title) return { title: body.trim(), tags: [], ...withNotes, taken: notes ? [notes.taken] : [] };
  if (notes) taken.push(notes.taken);

  const parse: QuickAddParse = {
    title,
    tags: tags.tags,
    ...withNotes,
    taken: taken.sort((a, b) => a.start - b.start),
  };
  if (priority.priority) parse.priority = priority.priority;
  if (list.list) parse.list = list.list;
  if (due) parse.due = due.due;
  if (due?.dueTime) parse.dueTime = due.dueTime;
  if (recurrence) {
    const { rule, fromCompletion } = recurrence;
    parse.recurrence = { rrule: toRrule(rule), fromCompletion, timeZone };
    // The repeat names the day unless the text gave one: "every monday 8am" is due on a Monday.
    if (!due || due.timeOnly) parse.due = firstOccurrence(rule, due ? parseDay(due.due) : today);
  }
  return parse;
}
