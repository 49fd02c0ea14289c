import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What the CLI remembers of each file it imported, by the file's content: the import's id,
 * which fixes every row's todo id. Importing the same content again (a re-run, a resume after
 * Ctrl-C, a crash or a lost connection) reuses it, so rows already in are found, not duplicated.
 * A changed file is a new import; nothing is ever skipped on a guess.
 */
export interface Journal {
  importId: string;
  /** The file's SHA-256. */
  contentHash: string;
  /** The path it was imported from, for messages. */
  file: string;
  startedAt: string;
  /**
   * The app `--from` named, null for the importer's own formats: a row's todo id comes from how
   * the file is read, so an interrupted import continues only when read the same way. Absent in
   * journals written before it was recorded.
   */
  from?: string | null;
  /** Set once every row was answered. */
  completedAt?: string;
}

/** The SHA-256 of the file's bytes, read as a stream. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function journalPath(cacheDir: string, profile: string, contentHash: string): string {
  return join(cacheDir, 'imports', `${profile}.${contentHash.slice(0, 32)}.json`);
}

export async function loadJournal(
  cacheDir: string,
  profile: string,
  contentHash: string,
): Promise<Journal | undefined> {
  try {
    return JSON.parse(await readFile(journalPath(cacheDir, profile, contentHash), 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

export async function saveJournal(cacheDir: string, profile: string, journal: Journal): Promise<void> {
  await mkdir(join(cacheDir, 'imports'), { recursive: true });
  await writeFile(journalPath(cacheDir, profile, journal.contentHash), JSON.stringify(journal));
}
