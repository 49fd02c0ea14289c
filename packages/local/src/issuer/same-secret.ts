import { timingSafeEqual } from 'node:crypto';

/** Whether two secrets are the same, compared in constant time so the comparison leaks nothing. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
