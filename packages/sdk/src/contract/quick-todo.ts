import * as z from 'zod/mini';
import { MAX_QUICK_ADD_TEXT_LENGTH } from './limits.js';
import { ListId } from './list-id.js';
import { mustBeOneOf } from './messages.js';
import { Recurrence } from './recurrence.js';
import { oneLineText } from './text.js';
import { TimeZone } from './time-zone.js';
import { DueDate, Priority, Todo, TodoCreate } from './todo.js';

// The quick-add route (`POST /v1/todos/quick`): a line of text in, read as `@todolist/sdk/quick-add`
// reads it, for clients that do not carry the SDK. The parse is the module's `QuickAddParse`
// (a test holds the two to each other), after the API has looked up the list it names.
// Named quick-todo, not quick-add: src/quick-add/entry.test.ts keeps every path saying quick-add out of the main bundles.

/** The body of `quickAddTodo`. */
export const QuickAddRequest = z.strictObject({
  /** What the person typed: `Pay rent dec 24 p1 #home @flat // by transfer`. One line. */
  text: oneLineText('text', MAX_QUICK_ADD_TEXT_LENGTH),
  /** The person's IANA time zone: "today" and "friday" are their days, not the server's. */
  timeZone: TimeZone,
  /** The list the todo goes to when the text names none (`@list`). @default the Inbox */
  listId: z.optional(ListId),
});
export type QuickAddRequest = z.input<typeof QuickAddRequest>;

const DRY_RUN = ['true', 'false'] as const;

/** The query of `quickAddTodo`: `dryRun=true` reads the text and creates nothing. */
export const QuickAddQuery = z.strictObject({
  dryRun: z._default(z.enum(DRY_RUN, { error: mustBeOneOf('dryRun', DRY_RUN) }), 'false'),
});
export type QuickAddQuery = z.input<typeof QuickAddQuery>;

const TAKEN_KINDS = ['due', 'priority', 'tag', 'list', 'recurrence', 'notes'] as const;

/** Words of the text the parse understood, as typed and where: `text.slice(start, end)` (UTF-16). */
export const QuickAddTaken = z.object({
  kind: z.enum(TAKEN_KINDS),
  text: z.string(),
  start: z.int(),
  end: z.int(),
});

/** A repeat, as an RFC 5545 rule read in `timeZone`: the todo's `recurrence`. */
export const QuickAddRecurrence = Recurrence;

/**
 * What the text says, as `parseQuickAdd` reads it at the server's clock in the request's time
 * zone. `list` is the name typed after `@` when a list the caller can see has that name; a name
 * that fits none is left in `title` (and in `unknownList`). `dueTime` and `recurrence` are the
 * todo's.
 */
export const QuickAddParsed = z.object({
  title: z.string(),
  due: z.optional(DueDate),
  /** `HH:MM`, 24-hour. Not stored on the todo yet. */
  dueTime: z.optional(z.string()),
  priority: z.optional(Priority),
  tags: z.array(z.string()),
  list: z.optional(z.string()),
  notes: z.optional(z.string()),
  recurrence: z.optional(QuickAddRecurrence),
  /** The words taken, in the order they appear: what a client shows as understood. */
  taken: z.array(QuickAddTaken),
});
export type QuickAddParsed = z.infer<typeof QuickAddParsed>;

const unknownList = {
  /** The list name the text gave (`@name`) that fits no list the caller can see; its words stayed in the title. */
  unknownList: z.optional(z.string()),
};

/** The answer of a quick add (201): the todo made, and how its text was read. */
export const QuickAddCreated = z.object({
  todo: Todo,
  parse: QuickAddParsed,
  ...unknownList,
});
export type QuickAddCreated = z.infer<typeof QuickAddCreated>;

/**
 * The answer of a dry run (`dryRun=true`, 200): how the text is read and the `createTodo` body it
 * would make (its list resolved to a `listId`); nothing is written.
 */
export const QuickAddPreview = z.object({
  parse: QuickAddParsed,
  create: z.object({ ...TodoCreate.shape, listId: ListId }),
  ...unknownList,
});
export type QuickAddPreview = z.infer<typeof QuickAddPreview>;
