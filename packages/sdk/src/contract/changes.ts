import * as z from 'zod/mini';
import { List } from './lists.js';
import { Todo } from './todo.js';

// The shape without `openCount`, rather than z.omit, which would bring zod's schema-picking code
// into the browser bundle.
const { openCount: _counted, ...changedListShape } = List.shape;

/**
 * A list as the feed shows it: the list without `openCount`, which changes with every todo and
 * which a client that follows the feed counts from the todos it holds.
 */
export const ChangedList = z.object(changedListShape);
export type ChangedList = z.infer<typeof ChangedList>;

/**
 * Why a todo is gone from the caller's view: deleted, or moved to a list the caller is not on.
 * A list is gone when it was deleted, or when the caller's membership ended (then its todos go
 * with it, and the feed does not repeat each of them).
 */
const TODO_GONE = ['deleted', 'moved'] as const;
const LIST_GONE = ['deleted', 'membership_ended'] as const;

/**
 * One change: a todo or a list made or changed (with the whole of it), or gone (with its id).
 * Its tags (`type`, `op`) are one-value enums rather than z.literal, whose code the browser
 * bundle would otherwise carry for these alone: the same types, `enum` in the OpenAPI document.
 */
export const Change = z.union([
  z.object({ type: z.enum(['todo']), op: z.enum(['upsert']), id: z.string(), todo: Todo }),
  z.object({
    type: z.enum(['todo']),
    op: z.enum(['delete']),
    id: z.string(),
    /** The list it was on, as far as the caller saw it. */
    listId: z.string(),
    reason: z.enum(TODO_GONE),
  }),
  z.object({ type: z.enum(['list']), op: z.enum(['upsert']), id: z.string(), list: ChangedList }),
  z.object({ type: z.enum(['list']), op: z.enum(['delete']), id: z.string(), reason: z.enum(LIST_GONE) }),
]);
export type Change = z.infer<typeof Change>;

/**
 * A page of the feed, oldest change first: each todo or list once, in its latest state. Follow
 * `cursor` for what comes next; `hasMore` says there is more already (read on at once).
 */
export const ChangePage = z.object({
  changes: z.array(Change),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type ChangePage = z.infer<typeof ChangePage>;

/**
 * What the live connection says: `changed` when something the person can see has changed,
 * so read the feed from your cursor. A poke, never the change itself: a lost message costs only
 * a little latency, and a reconnect catches up by reading the feed.
 */
export const LiveMessage = z.object({ type: z.enum(['changed']) }); // an enum, as Change's tags are
export type LiveMessage = z.infer<typeof LiveMessage>;
