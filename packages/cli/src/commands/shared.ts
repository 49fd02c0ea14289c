import type { Priority } from '@todolist/sdk';
import { Argument, Option } from 'commander';
import { UsageError } from '../errors.js';
import { splitTags } from '../tag-words.js';

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

const asTyped = (value: string) => value;

/**
 * An option taking one of `values`. They are its `choices` for the help and the completion
 * scripts, while `parse` checks what is typed, so a wrong value gets the CLI's own one-line
 * message (and case folding) rather than commander's.
 */
export function choiceOption(
  flags: string,
  description: string,
  values: readonly string[],
  parse: (value: string) => unknown = asTyped,
): Option {
  return new Option(flags, description).choices(values).argParser(parse);
}

/** An argument taking one of `values`, offered by completion; the action checks what is typed. */
export function choiceArgument(name: string, description: string, values: readonly string[]): Argument {
  return new Argument(name, description).choices(values).argParser(asTyped);
}

/** The `-p, --priority` option of `add` and `edit`. */
export const priorityOption = () =>
  choiceOption('-p, --priority <level>', 'how much it matters', PRIORITIES, parsePriority);

/** Collects a repeatable tag option (`--tag a --tag b`), also splitting `--tag a,b`; `#a` is `a`. */
export function collectTags(value: string, previous: string[] = []): string[] {
  return [...previous, ...splitTags(value)];
}

/** Help text listing examples, shown after the options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Runs a command's action with the run's context; main.ts supplies it. */
export type Runner = (action: (context: import('../context.js').Context) => Promise<void>) => Promise<void>;
