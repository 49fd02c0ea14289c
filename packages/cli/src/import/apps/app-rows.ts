import { Tag } from '@todolist/sdk/contract';
import type { SourceRow } from '../read-rows.js';

/** What reading another app's file needs: where its days are read, and where losses are told. */
export interface AppReadOptions {
  /** The profile's IANA time zone: repeats are read in it. */
  timeZone: string;
  /** The moment of the import: relative words (`tomorrow`) are read from it. */
  now: Date;
  /** Says that something of the row on `line` could not be kept as it was. */
  notice: (line: number, message: string) => void;
  /** Counts a record skipped on purpose (a deleted task), by why. */
  skip: (reason: string) => void;
}

/**
 * A todo read from another app's record, in the fields `todo import` reads (`title`, `notes`,
 * `due`, `dueTime`, `recurrence`, `priority`, `tags`, `completed`, `list`, `id`), so that the
 * contract checks it as it checks a CSV row.
 */
export type AppTodo = Record<string, unknown>;

/** A record of another app as one row of the import: the todo it asks for, and the record as read for the rejects. */
export const appRow = (index: number, line: number, todo: AppTodo, source: unknown): SourceRow => ({
  index,
  line,
  row: todo,
  source,
});

/** Notes made of the lines given, blanks dropped; undefined when none is left. */
export function joinNotes(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((part): part is string => !!part?.trim());
  return kept.length > 0 ? kept.join('\n') : undefined;
}

/**
 * The tags the words are as the contract takes them, and the words it refuses (`@home/garden`),
 * which the caller keeps in the notes.
 */
export function tagsOf(words: readonly string[]): { tags: string[]; refused: string[] } {
  const tags: string[] = [];
  const refused: string[] = [];
  for (const word of words) {
    const parsed = Tag.safeParse(word);
    if (parsed.success) tags.push(parsed.data);
    else refused.push(word);
  }
  return { tags, refused };
}

const FREQUENCIES = { d: 'DAILY', w: 'WEEKLY', m: 'MONTHLY', y: 'YEARLY' } as const;

/** `every 2 weeks` as an RRULE value: `FREQ=WEEKLY;INTERVAL=2`. */
export function everyRrule(count: number, unit: keyof typeof FREQUENCIES): string {
  return `FREQ=${FREQUENCIES[unit]}${count > 1 ? `;INTERVAL=${count}` : ''}`;
}

/** An RRULE value that is only a frequency and an interval, as a count and a unit (`2`, `w`); else undefined. */
export function simpleEvery(rrule: string): { count: number; unit: keyof typeof FREQUENCIES } | undefined {
  const match = /^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(?:;INTERVAL=(\d+))?$/.exec(rrule);
  if (!match) return undefined;
  const unit = (Object.keys(FREQUENCIES) as (keyof typeof FREQUENCIES)[]).find(
    (key) => FREQUENCIES[key] === match[1],
  );
  return unit ? { count: Number(match[2] ?? 1), unit } : undefined;
}
