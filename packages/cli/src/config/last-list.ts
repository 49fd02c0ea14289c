import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// `todo list` numbers its rows; `todo done 3` means the third row of the last list shown. The
// ids behind the numbers are kept per profile in the cache folder.

function fileFor(cacheDir: string, profile: string): string {
  return join(cacheDir, `last-list.${profile}.json`);
}

export async function saveLastList(cacheDir: string, profile: string, ids: readonly string[]): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await writeFile(fileFor(cacheDir, profile), JSON.stringify(ids));
}

/** The ids of the last list shown for the profile; empty when there was none. */
export async function loadLastList(cacheDir: string, profile: string): Promise<string[]> {
  try {
    const ids = JSON.parse(await readFile(fileFor(cacheDir, profile), 'utf8')) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
