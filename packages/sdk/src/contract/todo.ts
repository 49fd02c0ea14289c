import * as z from 'zod/mini';
import { MAX_NOTES_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH } from './limits.js';
import { ListId } from './list-id.js';
import { mustBeOneOf } from './messages.js';
import { Completion, Recurrence, RecurrenceInput } from './recurrence.js';
import { oneLineText, TEXT_LINES, Timestamp } from './text.js';
import { ulidId } from './ulid.js';
import { isoDate } from './zod-factories.js';

// Written with zod/mini rather than classic zod so the SDK's browser bundle stays small: the
// functional `.check(...)` style lets a bundler drop every check and format the page never uses.

/** A todo's id: a ULID, so ids sort by creation time. */
export const TodoId = ulidId('id');

/** A title: trimmed, 1 to {@link MAX_TITLE_LENGTH} characters, on one line. */
export const Title = oneLineText('title', MAX_TITLE_LENGTH);

/**
 * Free-form notes, up to {@link MAX_NOTES_LENGTH} characters as sent, over lines: `\r\n` and
 * `\r` are folded to `\n`; tabs are kept; any other control character is refused.
 */
export const Notes = z.string().check(
  z.maxLength(MAX_NOTES_LENGTH, `notes must be at most ${MAX_NOTES_LENGTH} characters`),
  z.regex(TEXT_LINES, 'notes must not hold control characters other than newline and tab'),
  // Folded last, so API Gateway's model can check the length and characters as sent.
  z.overwrite((notes) => notes.replace(/\r\n?/g, '\n')),
);

/** A calendar day, `YYYY-MM-DD`: a todo is due on a day, read in the reader's own time zone. */
export const DueDate = isoDate({ error: 'dueDate must be a calendar date, YYYY-MM-DD' });

/**
 * A time of day on the due day, `HH:MM` (24-hour): a wall-clock time, read in the reader's own
 * time zone as the day is ("9:00 on Dec 24" wherever the person is). Only with a `dueDate`.
 */
export const DueTime = z
  .string()
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'dueTime must be a time of day, HH:MM (00:00 to 23:59)'));

/** Whether a body gives a due day (not clearing it). */
const hasDay = (body: { dueDate?: string | null }) => body.dueDate !== undefined && body.dueDate !== null;

/**
 * A create, import item or patch that sets a `dueTime` or a `recurrence` gives its `dueDate`
 * too, so neither is left without its day (a patch that clears `dueDate` clears both).
 */
export const dayWithTimeAndRepeat = z.superRefine<{
  dueDate?: string | null;
  dueTime?: string | null;
  recurrence?: unknown;
}>((body, context) => {
  if (hasDay(body)) return;
  if (body.dueTime !== undefined && body.dueTime !== null)
    context.addIssue({
      code: 'custom',
      path: ['dueTime'],
      message: 'dueTime needs a dueDate in the same request: a time is on a day',
      input: body.dueTime,
    });
  if (body.recurrence !== undefined && body.recurrence !== null)
    context.addIssue({
      code: 'custom',
      path: ['recurrence'],
      message: 'recurrence needs a dueDate in the same request: the first day of the series',
      input: body.recurrence,
    });
});

const PRIORITIES = ['low', 'normal', 'high'] as const;

/** How much a todo matters. */
export const Priority = z.enum(PRIORITIES, { error: mustBeOneOf('priority', PRIORITIES) });
export type Priority = z.infer<typeof Priority>;

// The pattern admits capitals because API Gateway checks the raw body against it; they are folded to lowercase.
const TAG_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,${MAX_TAG_LENGTH - 1}}$`);

/** A tag: lowercase letters, digits, `_`, `.` and `-`, starting with a letter or digit. Case is folded. */
export const Tag = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(
      TAG_PATTERN,
      `a tag must be 1–${MAX_TAG_LENGTH} characters of a–z, 0–9, "_", "." or "-", starting with a letter or digit`,
    ),
  );

/** A todo's tags: at most {@link MAX_TAGS}, duplicates removed, order kept. */
export const Tags = z.array(Tag).check(
  z.maxLength(MAX_TAGS, `a todo has at most ${MAX_TAGS} tags`),
  z.overwrite((tags) => [...new Set(tags)]),
);

/** A todo as the API returns it. Unknown fields from a newer server are dropped, not rejected. */
export const Todo = z.object({
  id: TodoId,
  title: z.string(),
  notes: z.nullable(z.string()),
  completed: z.boolean(),
  completedAt: z.nullable(Timestamp),
  dueDate: z.nullable(DueDate),
  /**
   * The time on the due day, `HH:MM`; null for a todo due some time that day, or not due. A
   * server from before due times sends none: read as null.
   */
  dueTime: z._default(z.nullable(DueTime), null),
  /** How it repeats: completing it moves `dueDate` to the next occurrence. Null: it does not. */
  recurrence: z._default(z.nullable(Recurrence), null),
  /** A repeating todo's last completions, the latest last (at most `MAX_COMPLETIONS`). */
  completions: z._default(z.array(Completion), []),
  priority: Priority,
  tags: z.array(z.string()),
  /** The list it is on: "inbox" (the caller's Inbox) or a list's id. */
  listId: z.string(),
  /**
   * Where it stands in its list's manual order: todos sort by `position`, then by `id`, both
   * compared as plain strings (code unit order, not locale order).
   */
  position: z.string(),
  /** The `sub` of the person who made it, and of the person who changed it last. */
  createdBy: z.string(),
  updatedBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.int().check(z.minimum(1)),
});
export type Todo = z.infer<typeof Todo>;

/** The fields of a create: the body of `createTodo`, and of each item of an import. */
const CREATE_FIELDS = {
  title: Title,
  listId: z.optional(ListId),
  notes: z.optional(z.nullable(Notes)),
  dueDate: z.optional(z.nullable(DueDate)),
  dueTime: z.optional(z.nullable(DueTime)),
  recurrence: z.optional(z.nullable(RecurrenceInput)),
  priority: z.optional(Priority),
  tags: z.optional(Tags),
  completed: z.optional(z.boolean()),
};

/**
 * The body of `createTodo`. Only `title` is required; without `listId` the todo goes to the
 * Inbox, last. A `dueTime` comes with its `dueDate`.
 */
export const TodoCreate = z.strictObject(CREATE_FIELDS).check(dayWithTimeAndRepeat);
export type TodoCreate = z.input<typeof TodoCreate>;

// A create's fields, the title optional too, and where the todo goes in its list's order.
const PATCH_FIELDS = {
  ...CREATE_FIELDS,
  title: z.optional(Title),
  after: z.optional(z.nullable(TodoId)),
};

/**
 * The body of `updateTodo`: any subset of the fields, at least one; `null` clears notes, dueDate
 * (and with it dueTime) or dueTime; a new `dueTime` comes with its `dueDate`.
 * `listId` moves the todo to another list (last in its order, unless `after` says where);
 * `after` puts it right after that todo of the same list, and `after: null` at the top.
 */
export const TodoPatch = z.strictObject(PATCH_FIELDS).check(
  z.refine((patch) => Object.keys(patch).length > 0, {
    error: `a patch must change at least one of ${Object.keys(PATCH_FIELDS).join(', ')}`,
  }),
  dayWithTimeAndRepeat,
);
export type TodoPatch = z.input<typeof TodoPatch>;

/** The path parameters of the routes on one todo. */
export const TodoPathParams = z.strictObject({ id: TodoId });
