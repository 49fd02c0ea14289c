import type { Change, ChangePage } from '@todolist/sdk/contract';

/** How long to wait before reading again when the feed says "more landed in the overlap". */
const OVERLAP_RETRY_MS = 50;

/**
 * Reads a person's changes feed from a cursor, as a client does on each poke: every page
 * until `hasMore` is false (an empty page with `hasMore` means "read again in a moment").
 */
export class FeedReader {
  /** Every change read, in order. */
  readonly changes: Change[] = [];
  #cursor = '';
  readonly #token: string;
  #apiUrl: string;

  constructor(apiUrl: string, token: string) {
    this.#apiUrl = apiUrl;
    this.#token = token;
  }

  /** Asks the feed for a cursor for now (no `since`): what follows is read from there. */
  async start(): Promise<void> {
    this.#cursor = (await this.#page(undefined)).cursor;
  }

  /** Reads on from the cursor to the feed's end; the changes read are added and returned. */
  async read(): Promise<Change[]> {
    const read: Change[] = [];
    for (;;) {
      const page = await this.#page(this.#cursor);
      // Kept with the cursor they came with, so a read cut off later loses none of them.
      this.#cursor = page.cursor;
      this.changes.push(...page.changes);
      read.push(...page.changes);
      if (!page.hasMore) break;
      if (page.changes.length === 0) await new Promise((resolve) => setTimeout(resolve, OVERLAP_RETRY_MS));
    }
    return read;
  }

  /** Points the reader at another gateway (a restarted one), keeping its cursor. */
  moveTo(apiUrl: string): void {
    this.#apiUrl = apiUrl;
  }

  async #page(since: string | undefined): Promise<ChangePage> {
    const url = new URL('/v1/changes', this.#apiUrl);
    if (since !== undefined) url.searchParams.set('since', since);
    const response = await fetch(url, { headers: { authorization: `Bearer ${this.#token}` } });
    if (response.status !== 200)
      throw new Error(`GET ${url.pathname} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ChangePage;
  }
}
