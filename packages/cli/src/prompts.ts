import type { Context } from './context.js';
import { InterruptedError, UsageError } from './errors.js';

// @inquirer/prompts is loaded only when a command asks something, and only on a terminal:
// the library itself does not check for one.

async function prompts(context: Context) {
  if (!context.io.canPrompt) {
    throw new UsageError(`this needs an answer, but ${context.io.whyNoPrompt}`);
  }
  // The prompts colour through node:util's styleText, which reads NO_COLOR from the process
  // itself, and their symbols are coloured as they load: --no-color must be in force before.
  if (context.io.color.level === 0) process.env.NO_COLOR = '1';
  return import('@inquirer/prompts');
}

/** Runs a prompt; Ctrl-C becomes a quiet exit 130. */
async function ask<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new InterruptedError();
    }
    throw error;
  }
}

export async function askText(
  context: Context,
  message: string,
  options: { default?: string; required?: boolean; validate?: (value: string) => string | true } = {},
): Promise<string> {
  const { input } = await prompts(context);
  return ask(() =>
    input(
      {
        message,
        ...(options.default !== undefined ? { default: options.default } : {}),
        ...(options.required ? { required: true } : {}),
        ...(options.validate ? { validate: options.validate } : {}),
      },
      { input: context.io.stdin, output: context.io.stdout, signal: context.signal },
    ),
  );
}

export async function askChoice<T extends string>(
  context: Context,
  message: string,
  choices: readonly T[],
  initial: T,
): Promise<T> {
  const { select } = await prompts(context);
  return ask(() =>
    select(
      { message, choices: choices.map((value) => ({ value, name: value })), default: initial },
      { input: context.io.stdin, output: context.io.stdout, signal: context.signal },
    ),
  );
}

export async function askConfirm(context: Context, message: string): Promise<boolean> {
  const { confirm } = await prompts(context);
  return ask(() =>
    confirm(
      { message, default: false },
      { input: context.io.stdin, output: context.io.stdout, signal: context.signal },
    ),
  );
}
