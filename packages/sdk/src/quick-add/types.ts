import type { Priority } from '../contract/index.js';

/** What a piece of the text was taken as. */
export type TakenKind = 'due' | 'priority' | 'tag' | 'list' | 'recurrence' | 'notes';

/** A piece of the text the parse understood: the page shows each as a chip. */
export interface Taken {
  kind: TakenKind;
  /** The words as typed. */
  text: string;
  /** Where they are in the text: `text.slice(start, end)`, in UTF-16 code units like `String#slice`. */
  start: number;
  end: number;
}

/** A repeating todo, as an RFC 5545 rule. */
export interface Recurrence {
  /** The value of an RFC 5545 `RRULE` property, without the `RRULE:` name: `FREQ=WEEKLY;BYDAY=MO,TH`. */
  rrule: string;
  /** `every!`: the next one is counted from when the todo is done, not from its due day (Todoist's habit). */
  fromCompletion: boolean;
  /** The IANA time zone the rule's days and times are read in. */
  timeZone: string;
}

/** Where and when the text is typed: relative words ("tomorrow", "friday") are read from there. */
export interface QuickAddOptions {
  /**
   * The moment the person types.
   * @default new Date()
   */
  now?: Date;
  /** The person's IANA time zone, such as `Europe/Paris`: "today" is their day, not the server's. */
  timeZone: string;
}

/** What a quick-add text says. */
export interface QuickAddParse {
  /** What is left once the understood words are taken out; never empty for a text that is not blank. */
  title: string;
  /** The due day, `YYYY-MM-DD`, in the person's time zone. */
  due?: string;
  /** The due time, `HH:MM` (24-hour), when the text gives one: the todo's `dueTime`. */
  dueTime?: string;
  priority?: Priority;
  /** Lowercase, each once, in the order typed. */
  tags: string[];
  /** A list's name as typed after `@`, for the caller to resolve to a `listId`. */
  list?: string;
  /** What follows ` // `. */
  notes?: string;
  /** How it repeats: the todo's `recurrence`. */
  recurrence?: Recurrence;
  /** The words taken, in the order they appear in the text. */
  taken: Taken[];
}
