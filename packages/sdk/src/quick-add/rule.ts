// A repeat as the parse understands it, before it is written as an RFC 5545 RRULE.

/** RFC 5545's two-letter days, in `Date#getDay` order (Sunday first). */
export const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** A day of the week in a rule: `weekday` 0 (Sunday) to 6; `ordinal` 1–4 or -1 (the last) in a month. */
export interface RuleDay {
  weekday: number;
  ordinal?: number;
}

/** The parts of an RRULE the quick-add words can say. */
export interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  byDay?: RuleDay[];
  /** 1–31, or -1 for the month's last day. */
  byMonthDay?: number;
  /** The last day it may fall on, `YYYY-MM-DD`. */
  until?: string;
}

/**
 * The rule as the value of an RFC 5545 `RRULE` property: FREQ first (section 3.3.10 allows any
 * order, but some readers expect it first), INTERVAL only when not 1. UNTIL is a DATE value, as
 * the todo's start (its due day) is a date: the two must be of one type.
 */
export function toRrule(rule: Rule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay) {
    const days = rule.byDay.map(({ weekday, ordinal }) => `${ordinal ?? ''}${RRULE_DAYS[weekday]}`);
    parts.push(`BYDAY=${days.join(',')}`);
  }
  if (rule.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.until) parts.push(`UNTIL=${rule.until.replaceAll('-', '')}`);
  return parts.join(';');
}
