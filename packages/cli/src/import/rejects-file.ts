import { createWriteStream, type WriteStream } from 'node:fs';
import type { SourceRow } from './read-rows.js';

/** Rejected rows, written as NDJSON (line, errors, the row as read) to a file opened on the first one. */
export class RejectsFile {
  #stream: WriteStream | undefined;
  count = 0;
  constructor(readonly path: string) {}
  add(row: SourceRow, message: string, errors: unknown[]): void {
    this.#stream ??= createWriteStream(this.path);
    this.#stream.write(`${JSON.stringify({ line: row.line, message, errors, row: row.row })}\n`);
    this.count++;
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#stream
        ? this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve()))
        : resolve(),
    );
  }
}
