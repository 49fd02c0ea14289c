import * as z from 'zod/mini';
import { DEFAULT_CHANGES_PAGE_SIZE, MAX_CHANGES_CURSOR_LENGTH } from './limits.js';
import { PageSize } from './list.js';
import { List } from './lists.js';
import { Todo } from './todo.js';

const PASS_CURSOR_BACK = 'pass back the cursor exactly as received';

/** A position in the changes feed, from a previous answer's `cursor`: opaque to clients. */
export const ChangeCursor = z
  .string()
  .check(
    z.minLength(1, 'since must not be empty'),
    z.maxLength(MAX_CHANGES_CURSOR_LENGTH, `since is too long: ${PASS_CURSOR_BACK}`),
    z.regex(/^[A-Za-z0-9_-]+$/, `since is malformed: ${PASS_CURSOR_BACK}`),
  );

/**
 * The query of `listChanges`. Without `since`, the answer holds no changes, only a cursor for
 * now: read every list and todo after asking for it, then follow it, and nothing is missed.
 */
export const ChangesQuery = z.strictObject({
  since: z.optional(ChangeCursor),
  limit: z._default(PageSize, DEFAULT_CHANGES_PAGE_SIZE),
});
export type ChangesQuery = z.input<typeof ChangesQuery>;
export type ChangesFilter = z.output<typeof ChangesQuery>;

/**
 * A list as the feed shows it: the list without `openCount`, which changes with every todo and
 * which a client that follows the feed counts from the todos it holds.
 */
export const ChangedList = z.omit(List, { openCount: true });
export type ChangedList = z.infer<typeof ChangedList>;

/**
 * Why a todo is gone from the caller's view: deleted, or moved to a list the caller is not on.
 * A list is gone when it was deleted, or when the caller's membership ended (then its todos go
 * with it, and the feed does not repeat each of them).
 */
const TODO_GONE = ['deleted', 'moved'] as const;
const LIST_GONE = ['deleted', 'membership_ended'] as const;

/** One change: a todo or a list made or changed (with the whole of it), or gone (with its id). */
export const Change = z.union([
  z.object({ type: z.literal('todo'), op: z.literal('upsert'), id: z.string(), todo: Todo }),
  z.object({
    type: z.literal('todo'),
    op: z.literal('delete'),
    id: z.string(),
    /** The list it was on, as far as the caller saw it. */
    listId: z.string(),
    reason: z.enum(TODO_GONE),
  }),
  z.object({ type: z.literal('list'), op: z.literal('upsert'), id: z.string(), list: ChangedList }),
  z.object({ type: z.literal('list'), op: z.literal('delete'), id: z.string(), reason: z.enum(LIST_GONE) }),
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
 * Where a client connects to hear of changes as they happen, locally: a WebSocket on the API's
 * own origin, `ws://<host>/v1/live?token=<access token>`. On AWS the WebSocket API has its own
 * URL (the stack's `LiveUrl` output, and the page's `liveUrl` setting); the protocol is the same.
 */
export const LIVE_PATH = '/v1/live';

/** The query parameter that carries the access token: a browser's WebSocket cannot send headers. */
export const LIVE_TOKEN_PARAMETER = 'token';

/**
 * What the live connection says: `changed` when something the person can see has changed,
 * so read the feed from your cursor. A poke, never the change itself: a lost message costs only
 * a little latency, and a reconnect catches up by reading the feed.
 */
export const LiveMessage = z.object({ type: z.literal('changed') });
export type LiveMessage = z.infer<typeof LiveMessage>;

/**
 * What a client may send: a ping, now and then, so that an idle connection is not closed
 * (API Gateway closes one after 10 minutes without a message). Nothing answers it.
 */
export const LIVE_PING = { action: 'ping' } as const;

/** How often a client pings an otherwise idle connection, in milliseconds. */
export const LIVE_PING_INTERVAL_MS = 5 * 60 * 1000;
