import type * as z from 'zod/mini';
import type { FieldError } from './problem.js';

function describePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue, unknownKeyNoun: string): FieldError[] {
  const path = describePath(issue.path);
  const where = path || 'body';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      message: `unknown ${unknownKeyNoun} "${key}"`,
    }));
  }
  if (issue.code === 'invalid_type') {
    // zod's default message ("expected string, received undefined") reads poorly to a person.
    const message =
      issue.input === undefined
        ? `${where} is required`
        : issue.message.startsWith('Invalid input')
          ? `${where} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`
          : issue.message;
    return [{ path, message }];
  }
  return [{ path, message: issue.message }];
}

/**
 * The issues of a failed zod parse as `{ path, message }` pairs that a person can act on:
 * `title must be 1–200 characters`, `unknown field "colour"`, `dueDate is required`.
 */
export function toFieldErrors(
  error: z.core.$ZodError,
  options: { unknownKeyNoun?: string } = {},
): FieldError[] {
  return error.issues.flatMap((issue) => describeIssue(issue, options.unknownKeyNoun ?? 'field'));
}

/** The field errors joined into one line, for an error's `detail` or a CLI message. */
export function summarizeFieldErrors(errors: readonly FieldError[]): string {
  return errors
    .map(({ path, message }) => (!path || message.includes(path) ? message : `${path}: ${message}`))
    .join('; ');
}
