import { UsageError } from '../errors.js';
import type { IO } from '../io.js';

/** How a command prints data: for people, or as JSON for scripts. */
export type OutputMode = 'human' | 'json' | 'ndjson';

/** The `--json` / `--ndjson` flags every command that prints data takes. */
export interface OutputFlags {
  json?: boolean;
  ndjson?: boolean;
}

export function outputMode(flags: OutputFlags): OutputMode {
  if (flags.json && flags.ndjson) throw new UsageError('choose one of --json and --ndjson');
  return flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'human';
}

/**
 * Prints data for a script: `--json` one document (an array for lists), `--ndjson` one object
 * per line. Both are stable: fields are the API's, in the API's order.
 */
export function printData(io: IO, mode: Exclude<OutputMode, 'human'>, data: unknown, asList: boolean): void {
  if (mode === 'ndjson') {
    for (const item of asList ? (data as unknown[]) : [data]) io.out(JSON.stringify(item));
  } else {
    io.out(JSON.stringify(data, null, 2));
  }
}
