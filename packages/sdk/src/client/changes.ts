import { ChangePage } from '../contract/index.js';
import type { CallOptions } from './todos.js';
import type { AnswerOf, Transport } from './transport.js';

// The feed's code is loaded on first use: in the browser, from the file beside the bundle that a
// page loads only to follow the feed (scripts/browser-build.mjs). Only the answer's schema is
// here, as it is built with the bundle's zod.

/** Options of {@link ChangesResource.since}. */
export interface ChangesOptions extends CallOptions {
  /** Changes per page, 1–100. @default 100 */
  limit?: number;
}

/** Options of {@link ChangesResource.iterate}. */
export interface IterateChangesOptions extends ChangesOptions {
  /**
   * How long to wait before reading again after an empty page that has more (more changes
   * landed in the feed's overlap than a cursor remembers: they come once it has passed). @default 500
   */
  overlapWaitMs?: number;
}

/**
 * What changed for the caller, as a feed that follows a cursor: `client.changes`. The feed
 * shows every todo and list the caller can see once per change, in its latest state.
 */
export class ChangesResource {
  readonly #transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * One page of what changed since `cursor`, oldest first; without a cursor, no changes and a
   * cursor for now (ask for it before reading every list and todo, then follow it, and nothing
   * is missed). Throws {@link SyncExpiredError} when the cursor is older than the feed keeps.
   *
   * @example
   * ```ts
   * const { cursor } = await client.changes.since(); // a cursor for now
   * // … later:
   * const page = await client.changes.since(cursor);
   * for (const change of page.changes) console.log(change.type, change.op, change.id);
   * ```
   */
  async since(cursor?: string | null, options: ChangesOptions = {}): Promise<ChangePage> {
    const { readChanges } = await import('../changes/read-changes.js');
    return readChanges(this.#transport, ChangePage satisfies AnswerOf<'listChanges'>, cursor, options);
  }

  /**
   * Every page from `cursor` on, while the feed has more; the last page (`hasMore: false`,
   * perhaps empty) holds the cursor to follow next time. An empty page that has more is not
   * yielded: the feed is asked again after `overlapWaitMs`, not at once.
   *
   * @example
   * ```ts
   * for await (const page of client.changes.iterate(cursor)) {
   *   apply(page.changes);
   *   cursor = page.cursor;
   * }
   * ```
   */
  async *iterate(
    cursor: string | null | undefined,
    options: IterateChangesOptions = {},
  ): AsyncGenerator<ChangePage, void, undefined> {
    const { changePages } = await import('../changes/change-pages.js');
    yield* changePages(this, cursor, options);
  }
}
