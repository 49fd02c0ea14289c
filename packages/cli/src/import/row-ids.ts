import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The todo id each row of a file was sent with, remembered per file path, so that importing an
 * edited copy of the file (rejected rows fixed, rows added or moved) finds the rows that went in
 * before instead of creating them again. A row is known by its content (the todo it asks for)
 * and, for identical rows, by which occurrence it is. A row not seen before gets the id its
 * position in this import gives it.
 */
export class RowIdBook {
  readonly #previous: Map<string, string>;
  readonly #occurrences = new Map<string, number>();
  readonly #next: WriteStream | undefined;
  readonly #nextPath: string;
  readonly #path: string;
  readonly #newId: (index: number) => string;

  private constructor(
    path: string,
    previous: Map<string, string>,
    newId: (index: number) => string,
    record: boolean,
  ) {
    this.#path = path;
    this.#previous = previous;
    this.#newId = newId;
    this.#nextPath = `${path}.partial`;
    this.#next = record ? createWriteStream(this.#nextPath) : undefined;
  }

  /**
   * Opens the book of `file` for `profile`. With `record`, this import's rows are written to a new
   * book that replaces the old one on {@link commit}; until then (an interrupted import) the old
   * one stays, so a resume gives every row the same id again.
   */
  static async open(options: {
    cacheDir: string;
    profile: string;
    file: string;
    newId: (index: number) => string;
    record: boolean;
  }): Promise<RowIdBook> {
    const folder = join(options.cacheDir, 'imports');
    await mkdir(folder, { recursive: true });
    const path = join(folder, `${options.profile}.${digest(resolve(options.file)).slice(0, 32)}.rows`);
    return new RowIdBook(path, await readBook(path), options.newId, options.record);
  }

  /** Whether an earlier import of this path left ids to find. */
  get hasEarlierRows(): boolean {
    return this.#previous.size > 0;
  }

  /** The id to send the row at `index` with, found by the row's `content` (the todo it asks for, or another app's record). */
  idFor(content: unknown, index: number): string {
    const fingerprint = digest(JSON.stringify(content)).slice(0, 22);
    let id: string | undefined;
    if (this.#previous.size > 0) {
      id = this.#previous.get(occurrenceKey(this.#occurrences, fingerprint));
    }
    id ??= this.#newId(index);
    this.#next?.write(`${fingerprint} ${id}\n`);
    return id;
  }

  /** Every row was answered: this import's book becomes the one the next import reads. */
  async commit(): Promise<void> {
    if (!this.#next) return;
    await closeStream(this.#next);
    await rename(this.#nextPath, this.#path);
  }

  /** The import stopped: keep the old book for the resume. */
  async close(): Promise<void> {
    if (this.#next) await closeStream(this.#next);
  }
}

/** `fingerprint#n` for the n-th row with this fingerprint, counting it in `counts`. */
function occurrenceKey(counts: Map<string, number>, fingerprint: string): string {
  const occurrence = (counts.get(fingerprint) ?? 0) + 1;
  counts.set(fingerprint, occurrence);
  return `${fingerprint}#${occurrence}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** The book's rows as `fingerprint#occurrence` → id; empty when there is none yet. */
async function readBook(path: string): Promise<Map<string, string>> {
  const book = new Map<string, string>();
  const counts = new Map<string, number>();
  try {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      const [fingerprint, id] = line.split(' ');
      if (!fingerprint || !id) continue;
      book.set(occurrenceKey(counts, fingerprint), id);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return book;
}
