import {
  type Change,
  type ChangeBatch,
  isNetworkError,
  isSyncExpiredError,
  isTodoSdkError,
  isUnauthorizedError,
  type List,
  type SubscriptionStatus,
  type Todo,
  type TodolistClient,
} from '@todolist/sdk';
import type { Context } from '../context.js';
import { listBook, listLabel } from '../lists/list-book.js';
import { MemberNames } from '../lists/member-names.js';
import { storyOf } from './change-line.js';
import { watchLine } from './watch-lines.js';
import { WatchMemory } from './watch-memory.js';

/** What `todo watch` takes. */
export interface WatchFlags {
  list?: string;
  /** One JSON object per line: the feed's changes as they are. */
  json?: boolean;
}

/** The todos there are now (one list's, or all), so later changes can be told apart and named. */
async function todosNow(
  client: TodolistClient,
  only: List | undefined,
  signal: AbortSignal,
): Promise<Todo[]> {
  const todos: Todo[] = [];
  const query = { status: 'all' as const, ...(only ? { listId: only.id } : {}) };
  for await (const todo of client.todos.iterate(query, { signal })) todos.push(todo);
  return todos;
}

/** Says on stderr what a person watching wants to know of the connection: once when live, once per outage. */
function statusTeller(
  context: Context,
  only: List | undefined,
): (status: SubscriptionStatus | 'expired') => void {
  let started = false;
  let away = false;
  return (status) => {
    if (status === 'reconnecting' && !away)
      context.io.err(started ? 'Connection lost; reconnecting…' : 'Could not connect yet; retrying…');
    if (status === 'expired')
      context.io.err(
        'Away longer than the changes feed keeps (30 days): changes made meanwhile may be missing; watching on from now.',
      );
    if (status === 'reconnecting' || status === 'expired') away = true;
    if (status !== 'live') return;
    if (!started) {
      const what = only ? listLabel(only) : 'your lists';
      context.io.err(`Watching ${what} for changes (Ctrl-C to stop)…`);
    } else if (away) {
      context.io.err('Live again.');
    }
    started = true;
    away = false;
  };
}

/**
 * `todo watch`: each change to the person's todos and lists as it happens, one line each (or
 * NDJSON), until Ctrl-C. The cursor is taken before the todos are read, so a change made while
 * they are read still comes; the SDK's subscription reconnects and catches up by itself.
 */
export async function runWatch(context: Context, flags: WatchFlags): Promise<void> {
  const { io } = context;
  const client = await context.client();
  const book = await listBook(context);
  const only = flags.list ? await book.resolve(flags.list) : undefined;
  let cursor = (await client.changes.since(undefined, { signal: context.signal })).cursor;
  const [lists, todos] = await Promise.all([book.all(), todosNow(client, only, context.signal)]);
  const memory = new WatchMemory(lists, todos);
  let names = new MemberNames(client, context.signal);
  const print = async (change: Change) => {
    if (flags.json) return io.out(JSON.stringify(change));
    const story = storyOf(change, memory, io.color);
    if (story) io.out(await watchLine(io, story, { oneList: only !== undefined, names }));
    // Who is on a list may have changed with it.
    if (change.type === 'list') names = new MemberNames(client, context.signal);
  };
  const onChange = async ({ changes }: ChangeBatch) => {
    for (const change of changes) {
      if (only && !memory.concerns(change, only.id)) continue;
      await print(change);
      memory.apply(change);
    }
  };
  const tell = statusTeller(context, only);
  // What no reconnect cures ends the watch: credentials refused, or a fault of the watch itself.
  const ending = new AbortController();
  let fatal: unknown;
  const onError = (error: unknown) => {
    if (isNetworkError(error) || isSyncExpiredError(error)) return;
    if (isUnauthorizedError(error) || !isTodoSdkError(error)) {
      fatal ??= error;
      ending.abort();
    }
  };
  const signal = AbortSignal.any([context.signal, ending.signal]);
  for (;;) {
    const subscription = await client.subscribe({ cursor, signal, onChange, onStatus: tell, onError });
    try {
      await subscription.done;
      break;
    } catch (error) {
      // Only after a very long suspend: say so, and go on from now rather than end a watch that can go on.
      if (!isSyncExpiredError(error)) throw error;
      tell('expired');
      cursor = (await client.changes.since(undefined, { signal })).cursor;
    }
  }
  if (fatal !== undefined) throw fatal;
  // Ctrl-C: the subscription is closed; the runner makes it exit 130, quietly.
  context.signal.throwIfAborted();
}
