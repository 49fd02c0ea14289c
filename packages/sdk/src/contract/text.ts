import * as z from 'zod/mini';
import { isoDateTime } from './zod-factories.js';

// The characters a line of text and a multi-line text may hold, shared by the contract's schemas.

// No control characters (C0, DEL and C1: newlines, tabs, escapes): a title is one line in a
// list, a table or a terminal, and an escape sequence must never reach a terminal that shows it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;

// Notes may run over lines (\n, or \r\n, folded) and hold tabs; every other control character is
// refused, as above.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const TEXT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

/**
 * A one-line text field: trimmed, 1 to `max` characters, no control characters; its messages
 * name the field (`title must be 1–200 characters`).
 */
// @__NO_SIDE_EFFECTS__
export function oneLineText(field: string, max: number) {
  const length = `${field} must be 1–${max} characters`;
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `${length} and not blank`),
      z.maxLength(max, length),
      z.regex(SINGLE_LINE, `${field} must be a single line without control characters`),
    );
}

/** A moment as the API stamps it: ISO 8601 with an offset. */
export const Timestamp = isoDateTime({ offset: true });
