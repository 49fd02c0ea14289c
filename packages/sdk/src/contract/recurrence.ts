import * as z from 'zod/mini';
import { TimeZone } from './time-zone.js';

// A todo's repeat: an RFC 5545 RRULE value read in an IANA time zone. Completing the todo moves
// its due day to the next occurrence (handlers: store/next-occurrence.ts). The parts a repeat may
// use are those quick add writes and a to-do needs; COUNT is left out, as the series moves from
// one due day to the next and keeps no count of the days behind it: end one with UNTIL.

const DAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const PART = [
  'INTERVAL=[1-9]\\d{0,2}',
  `BYDAY=[+-]?[1-5]?${DAY}(?:,[+-]?[1-5]?${DAY})*`,
  'BYMONTHDAY=-?(?:[1-9]|[12]\\d|3[01])(?:,-?(?:[1-9]|[12]\\d|3[01]))*',
  'BYMONTH=(?:[1-9]|1[0-2])(?:,(?:[1-9]|1[0-2]))*',
  'BYSETPOS=-?[1-9]\\d{0,2}',
  'UNTIL=\\d{8}(?:T\\d{6}Z)?',
  `WKST=${DAY}`,
].join('|');
const RRULE_VALUE = new RegExp(`^FREQ=(?:DAILY|WEEKLY|MONTHLY|YEARLY)(?:;(?:${PART}))*$`);

const RRULE_MESSAGE =
  'rrule must be an RFC 5545 RRULE value such as FREQ=WEEKLY;BYDAY=MO,TH: FREQ (DAILY, WEEKLY, MONTHLY or YEARLY) first, then any of INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, UNTIL, WKST';

/** An RRULE value without its name, as a repeat takes it: `FREQ=MONTHLY;BYMONTHDAY=1`. */
export const RRule = z.string().check(z.maxLength(200, RRULE_MESSAGE), z.regex(RRULE_VALUE, RRULE_MESSAGE));

/** A todo's repeat as the API answers it. */
export const Recurrence = z.object({
  /** An RRULE value without its name: `FREQ=WEEKLY;BYDAY=MO,TH`. */
  rrule: z.string(),
  /** `every!`: the next due day is counted from the day it is done, not from its due day. */
  fromCompletion: z.boolean(),
  /** The IANA time zone its days are read in. */
  timeZone: z.string(),
});
export type Recurrence = z.infer<typeof Recurrence>;

/** A repeat as a create or a patch gives it; `fromCompletion` is false unless said. */
export const RecurrenceInput = z.strictObject({
  rrule: RRule,
  fromCompletion: z.optional(z.boolean()),
  timeZone: TimeZone,
});
export type RecurrenceInput = z.input<typeof RecurrenceInput>;

/** One completion of a repeating todo: when, and the due day it was done for. */
export const Completion = z.object({ completedAt: z.string(), dueDate: z.string() });
export type Completion = z.infer<typeof Completion>;

/** How many completions a repeating todo remembers, the latest last. */
export const MAX_COMPLETIONS = 10;
