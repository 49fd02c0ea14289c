import type { Priority } from '@todolist/sdk';
import { Option } from 'commander';
import { UsageError } from '../errors.js';

/** The options of every command that prints data. */
export const jsonOption = () => new Option('--json', 'print JSON for scripts (stable; see the README)');
export const ndjsonOption = () => new Option('--ndjson', 'print one JSON object per line');

export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high'];

export function parsePriority(value: string): Priority {
  const priority = value.toLowerCase() as Priority;
  if (!PRIORITIES.includes(priority))
    throw new UsageError(`priority must be one of low, normal, high (got "${value}")`);
  return priority;
}

/** Collects a repeatable option (`--tag a --tag b`), also splitting `--tag a,b`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  ];
}

/** Help text listing examples, shown after the options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Runs a command's action with the run's context; main.ts supplies it. */
export type Runner = (action: (context: import('../context.js').Context) => Promise<void>) => Promise<void>;
