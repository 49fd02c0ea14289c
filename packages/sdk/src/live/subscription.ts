import type { LiveContext, SubscribeOptions, Subscription } from '../client/subscribe.js';
import { type FollowState, follow } from './follow.js';

/**
 * What `client.subscribe` answers, loaded on first use: a subscription following the feed from
 * `options.cursor` until it is closed, its signal aborts, or its cursor cannot be followed.
 */
export function subscribe(context: LiveContext, options: SubscribeOptions): Subscription {
  if (typeof options?.onChange !== 'function') {
    throw new TypeError('subscribe needs onChange: a function given each page of changes');
  }
  const closing = new AbortController();
  const close = () => closing.abort();
  const { signal } = options;
  if (signal?.aborted) close();
  signal?.addEventListener('abort', close);
  const state: FollowState = { cursor: options.cursor ?? undefined };
  const done = follow(context, { ...options, signal: closing.signal }, state).finally(() =>
    signal?.removeEventListener('abort', close),
  );
  // `done` rejects only for whoever awaits it: never an unhandled rejection.
  const stopped = done.catch(() => {});
  return {
    get cursor() {
      return state.cursor;
    },
    done,
    close() {
      close();
      return stopped;
    },
  };
}
