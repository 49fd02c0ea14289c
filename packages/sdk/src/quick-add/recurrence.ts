import type { Rule, RuleDay } from './rule.js';
import { sigilWord } from './sigils.js';
import { freeMatches, type Span } from './spans.js';
import type { Taken } from './types.js';

// Hand-written: chrono-node reads dates, not repeats, and no well-kept library turns English
// repeat phrases into RRULEs (rrule.js's `fromText` is unmaintained, reads only its own wording
// and knows no `every!`). The phrases are Todoist's.
const DAY =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const ORDINAL = '(?:first|second|third|fourth|last|1st|2nd|3rd|4th)';
const NTH = '(?:3[01]|[12]\\d|[1-9])(?:st|nd|rd|th)';
const BODY = [
  `(?<ordinal>${ORDINAL})\\s+(?<ordinalDay>${DAY})`,
  `(?<days>${DAY}(?:\\s*(?:,|\\band\\b|&)?\\s*${DAY})*)`,
  '(?<workday>weekday|workday)s?',
  '(?<weekend>weekend)s?',
  `(?:(?<count>\\d{1,3})\\s+)?(?<unit>day|week|month|year)s?(?:\\s+on\\s+the\\s+(?:(?<monthDay>${NTH})|(?<lastDay>last\\s+day)))?`,
  `(?<nth>${NTH})(?:\\s+of\\s+the\\s+month)?`,
].join('|');
const EVERY = sigilWord(
  `every(?<bang>!)?\\s+(?:(?<other>other)\\s+)?(?:${BODY})(?:\\s+until\\s+(?<until>\\d{4}-\\d{2}-\\d{2}))?`,
  'i',
);

const DAY_INDEX: Record<string, number> = { su: 0, mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

const weekdayOf = (name: string) => DAY_INDEX[name.slice(0, 2).toLowerCase()] as number;
const ordinalOf = (word: string) => ORDINALS[word.toLowerCase()] ?? Number.parseInt(word, 10);

type Groups = Partial<Record<string, string>>;

/** The rule the words say, its interval and end aside. */
function ruleOf(groups: Groups): Omit<Rule, 'interval'> {
  if (groups.ordinal && groups.ordinalDay) {
    return {
      freq: 'MONTHLY',
      byDay: [{ weekday: weekdayOf(groups.ordinalDay), ordinal: ordinalOf(groups.ordinal) }],
    };
  }
  if (groups.days) {
    const names = groups.days.match(new RegExp(DAY, 'gi')) ?? [];
    const days = [...new Set(names.map(weekdayOf))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
    return { freq: 'WEEKLY', byDay: days.map((weekday): RuleDay => ({ weekday })) };
  }
  if (groups.workday) return { freq: 'WEEKLY', byDay: [1, 2, 3, 4, 5].map((weekday) => ({ weekday })) };
  if (groups.weekend) return { freq: 'WEEKLY', byDay: [{ weekday: 6 }, { weekday: 0 }] };
  if (groups.nth) return { freq: 'MONTHLY', byMonthDay: ordinalOf(groups.nth) };
  const freq = ({ day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' } as const)[
    (groups.unit ?? 'day').toLowerCase() as 'day'
  ];
  if (groups.monthDay) return { freq, byMonthDay: ordinalOf(groups.monthDay) };
  return groups.lastDay ? { freq, byMonthDay: -1 } : { freq };
}

/** The repeat, if the text has one: the first `every …` phrase; others stay in the title. */
export function takeRecurrence(
  text: string,
  claimed: readonly Span[],
): { rule: Rule; fromCompletion: boolean; taken: Taken } | undefined {
  for (const match of freeMatches(EVERY, text, claimed)) {
    const groups: Groups = match.groups ?? {};
    const count = groups.count ? Number(groups.count) : 1;
    // "every 0 days" and "every week on the 1st" mean nothing: left in the title.
    const onADay = groups.monthDay ?? groups.lastDay;
    if (count < 1 || (onADay && groups.unit?.toLowerCase() !== 'month')) continue;
    const rule: Rule = { ...ruleOf(groups), interval: groups.other ? 2 * count : count };
    if (groups.until) rule.until = groups.until;
    const end = match.index + match[0].length;
    return {
      rule,
      fromCompletion: Boolean(groups.bang),
      taken: { kind: 'recurrence', text: match[0], start: match.index, end },
    };
  }
  return undefined;
}
