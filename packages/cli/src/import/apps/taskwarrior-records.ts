import { open, readFile } from 'node:fs/promises';
import { jsonArrayRows, readRows, type SourceRow } from '../read-rows.js';
import { elementLines } from './array-lines.js';

// The records of `task export`: a JSON array (json.array=on, the default since 2.6), or one
// task object a line (json.array=off), from a file or standard input alike.

const isArrayText = (start: string) =>
  start
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('[');

/** Whether the file holds a JSON array (else one task a line): its first character that is not blank. */
async function isArrayFile(file: string): Promise<boolean> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return isArrayText(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/**
 * The records of an export that is a JSON array, each at the line its object starts on
 * (`task export` writes `[` alone on the first line), so a rejected task is found where it is.
 */
function* arrayRecords(whole: string, name: string): Generator<SourceRow> {
  const text = whole.replace(/^\uFEFF/, '');
  let lines: number[] | undefined;
  const lineOf = (index: number) => {
    // Scanned when the first row asks, so after JSON.parse took the text: the scan trusts it is valid.
    lines ??= elementLines(text);
    return lines[index] ?? index + 1;
  };
  yield* jsonArrayRows(text, name, lineOf);
}

/**
 * The records of standard input: read whole as a JSON array when its first character that is
 * not blank is `[`, else one task a line, streamed. The chunks read to tell are put back first.
 */
async function* stdinRecords(): AsyncGenerator<SourceRow> {
  const chunks = process.stdin.iterator({ destroyOnReturn: false });
  const head: Buffer[] = [];
  let start = '';
  while (!start) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(Buffer.from(next.value));
    start = Buffer.concat(head)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
  }
  if (isArrayText(start)) {
    for await (const chunk of chunks) head.push(Buffer.from(chunk));
    yield* arrayRecords(Buffer.concat(head).toString('utf8'), 'standard input');
    return;
  }
  await chunks.return?.();
  if (!start) return;
  process.stdin.unshift(Buffer.concat(head));
  yield* readRows('-', 'ndjson');
}

/** The records of a `task export` file, or of standard input (`-`), each at the line it starts on. */
export async function* taskwarriorRecords(file: string): AsyncGenerator<SourceRow> {
  if (file === '-') yield* stdinRecords();
  else if (await isArrayFile(file)) yield* arrayRecords(await readFile(file, 'utf8'), file);
  else yield* readRows(file, 'ndjson');
}
