import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** A file's text, or `undefined` when there is no such file (a first start). */
export async function readIfThere(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** Whether two secrets are the same, compared in constant time so the comparison leaks nothing. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
