import { expect } from 'vitest';
import type { TodoRun } from './todo-user.js';

/**
 * Checks a failed run as a person reads it: this exit code, nothing on stdout, and on stderr
 * exactly one line that starts with "todo:", holds `message`, and is no stack trace.
 */
export function expectErrorLine(run: TodoRun, code: number, message: string | RegExp): void {
  const shown = `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
  expect(run.code, shown).toBe(code);
  expect(run.stdout, shown).toBe('');
  expect(run.stderr, shown).toMatch(/^todo: [^\n]+\n$/);
  expect(run.stderr, shown).not.toContain('    at ');
  if (typeof message === 'string') expect(run.stderr, shown).toContain(message);
  else expect(run.stderr, shown).toMatch(message);
}
