import { createWriteStream, type WriteStream } from 'node:fs';
import type { SourceRow } from './read-rows.js';

/** How many rejected rows are shown on stderr when they go to no file. */
const SHOWN = 10;

/**
 * Rejected rows, written as NDJSON (line, errors, the row as read) to a file opened on the
 * first one; with no file (standard input, no `--rejects`), the first few kept to be shown.
 */
export class RejectsFile {
  #stream: WriteStream | undefined;
  /** The line of each rejected row, in the order they were rejected. */
  readonly lines: number[] = [];
  /** `line 3: title must be …` for the first rejected rows, when there is no file. */
  readonly shown: string[] = [];
  constructor(readonly path: string | undefined) {}

  /** How many rows were rejected. */
  get count(): number {
    return this.lines.length;
  }

  add(row: SourceRow, message: string, errors: unknown[]): void {
    this.lines.push(row.line);
    if (this.path === undefined) {
      if (this.shown.length < SHOWN) this.shown.push(`line ${row.line}: ${message}`);
      return;
    }
    this.#stream ??= createWriteStream(this.path);
    this.#stream.write(
      `${JSON.stringify({ line: row.line, message, errors, row: row.source ?? row.row })}\n`,
    );
  }
  /** Where the rejected rows went, for the last line: the file, or how to keep them. */
  where(): string {
    if (this.path !== undefined) return `written to ${this.path}`;
    const more = this.count > this.shown.length ? `the first ${this.shown.length} ` : '';
    return `${more}shown above; keep them all with --rejects <file>`;
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#stream
        ? this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve()))
        : resolve(),
    );
  }
}
