import type { ChangesResource, IterateChangesOptions } from '../client/changes.js';
import { wait } from '../client/wait.js';
import type { ChangePage } from '../index.js';

/**
 * What `client.changes.iterate` runs, loaded on first use: every page from `cursor` on while
 * the feed has more, the last one (`hasMore: false`) always. After an empty page that has more,
 * it waits `overlapWaitMs` (the signal cuts the wait short) before reading again.
 */
export async function* changePages(
  changes: ChangesResource,
  cursor: string | null | undefined,
  options: IterateChangesOptions,
): AsyncGenerator<ChangePage, void, undefined> {
  const { overlapWaitMs = 500, ...call } = options;
  let from = cursor;
  for (;;) {
    const page = await changes.since(from, call);
    from = page.cursor;
    if (!page.hasMore) {
      yield page;
      return;
    }
    if (page.changes.length > 0) yield page;
    else await wait(overlapWaitMs, options.signal);
  }
}
