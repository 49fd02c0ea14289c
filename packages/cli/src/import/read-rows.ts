import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { IMPORT_FORMATS, type ImportFormat } from './choices.js';

/** One record of the input and where it is, for messages and the rejects file. */
export interface SourceRow {
  /** Its position among the records, from 0: it fixes the todo's id across runs. */
  index: number;
  /** The line it starts on (CSV, NDJSON, a Taskwarrior array) or its item number (JSON), from 1. */
  line: number;
  /** The record as read, or why it could not be read. */
  row: Record<string, unknown> | { unreadable: string };
  /** Another app's record (`--from`), as read: what the rejects file shows instead of `row`. */
  source?: unknown;
  /** CSV only: the header's column names, so a missing title column is said once. */
  columns?: readonly string[];
}

/** The format from `--format`, else from the file's extension. */
export function formatOf(file: string, flag: string | undefined): ImportFormat {
  const format = (flag ?? extname(file).slice(1)).toLowerCase().replace(/^jsonl$/, 'ndjson');
  if ((IMPORT_FORMATS as readonly string[]).includes(format)) return format as ImportFormat;
  throw new UsageError(
    flag
      ? `--format must be csv, json or ndjson (got "${flag}")`
      : `cannot tell the format of "${file}" from its name: add --format csv, json or ndjson`,
  );
}

const open = (file: string) => (file === '-' ? process.stdin : createReadStream(file));

async function* csvRows(file: string): AsyncGenerator<SourceRow> {
  // csv-parse handles quoting, embedded newlines and BOMs as RFC 4180 says; loaded only for CSV.
  const { parse } = await import('csv-parse');
  let columns: string[] = [];
  const parser = open(file).pipe(
    parse({
      columns: (header: string[]) => {
        columns = header.map((name) => name.trim());
        return columns;
      },
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }),
  );
  let index = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    // info.lines is the line the record ends on; a quoted cell may hold line breaks.
    const breaks = Object.values(record).reduce((count, cell) => count + cell.split('\n').length - 1, 0);
    yield { index: index++, line: info.lines - breaks, row: record, columns };
  }
}

async function* ndjsonRows(file: string): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: open(file), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let index = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let row: SourceRow['row'];
    try {
      const value = JSON.parse(text) as unknown;
      row =
        value && typeof value === 'object' && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : { unreadable: 'the line is not a JSON object' };
    } catch (error) {
      row = { unreadable: `the line is not valid JSON (${(error as Error).message})` };
    }
    yield { index: index++, line, row };
  }
}

async function* jsonRows(file: string): AsyncGenerator<SourceRow> {
  const text =
    file === '-'
      ? await new Response(process.stdin as unknown as ReadableStream).text()
      : await readFile(file, 'utf8');
  yield* jsonArrayRows(text, file, (index) => index + 1);
}

/**
 * The items of a JSON array's `text` as records, each at the line `lineOf` gives its position
 * (the item number for the importer's own JSON; another app's reader may know better).
 */
export function* jsonArrayRows(
  text: string,
  file: string,
  lineOf: (index: number) => number,
): Generator<SourceRow> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new UsageError(`${file} must hold a JSON array of todos`);
  for (const [index, item] of value.entries()) {
    const row =
      item && typeof item === 'object' && !Array.isArray(item)
        ? (item as Record<string, unknown>)
        : { unreadable: 'the item is not a JSON object' };
    yield { index, line: lineOf(index), row };
  }
}

/** The records of the input, one at a time (CSV and NDJSON are streamed; a JSON array is read whole). */
export function readRows(file: string, format: ImportFormat): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(file) : format === 'ndjson' ? ndjsonRows(file) : jsonRows(file);
}
