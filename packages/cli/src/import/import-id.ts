import { access, constants } from 'node:fs/promises';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { safeText } from '../output/safe-text.js';
import { hashFile, type Journal, loadJournal, saveJournal } from './journal.js';

/** The import's id, and the journal that remembers it for the file's content. */
export interface ChosenImportId {
  importId: string;
  /** An earlier run of this content was found. */
  journaled: boolean;
  /** Records the import as started: called just before the first row is sent. */
  begin: () => Promise<void>;
  /** Records the import as complete. */
  done: () => Promise<void>;
}

/** The import's id: remembered for this file's content, so a re-run or a resume lands on the same todos. */
export async function chooseImportId(
  context: Context,
  file: string,
  flags: { importId?: string; resume?: boolean; dryRun?: boolean; from?: string },
): Promise<ChosenImportId> {
  const sdk = await import('@todolist/sdk');
  const nothing = async () => undefined;
  if (flags.importId) {
    const importId = checkImportId(flags.importId);
    // The file is not hashed then, but it must be there: the same refusal as without --import-id.
    if (file !== '-') await access(file, constants.R_OK).catch(() => unreadable(file));
    return { importId, journaled: false, begin: nothing, done: nothing };
  }
  if (file === '-') {
    if (flags.resume)
      throw new UsageError(
        '--resume needs a file: standard input cannot be read again (give --import-id to repeat an import from a pipe)',
      );
    return { importId: sdk.newImportId(), journaled: false, begin: nothing, done: nothing };
  }
  const profile = (await context.profile()).name;
  const contentHash = await hashFile(file).catch(() => unreadable(file));
  const journal = await loadJournal(context.paths.cacheDir, profile, contentHash);
  if (flags.resume && (!journal || journal.completedAt)) {
    throw new UsageError(
      journal
        ? `"${file}" was imported completely on ${journal.completedAt}: nothing to resume`
        : `no interrupted import of "${file}" (as it is now) to resume: run it without --resume`,
    );
  }
  if (journal && !journal.completedAt && !flags.dryRun) checkSameReading(file, journal, flags.from);
  if (journal && !flags.resume) {
    const name = safeText(file);
    context.io.err(
      journal.completedAt
        ? `"${name}" was imported before (${journal.completedAt}); rows already in are left as they are.`
        : `Continuing the interrupted import of "${name}".`,
    );
  }
  const entry = journal ?? {
    importId: sdk.newImportId(),
    contentHash,
    file,
    startedAt: new Date().toISOString(),
    from: flags.from ?? null,
  };
  return {
    importId: entry.importId,
    journaled: journal !== undefined,
    // Written only once the rows are known to be readable: a refused file is no interrupted import.
    begin: () => (flags.dryRun || journal ? nothing() : saveJournal(context.paths.cacheDir, profile, entry)),
    done: () =>
      flags.dryRun
        ? nothing()
        : saveJournal(context.paths.cacheDir, profile, { ...entry, completedAt: new Date().toISOString() }),
  };
}

/** The path as a shell reads it back: quoted when it holds anything but plain characters. */
const shellQuote = (path: string) =>
  /^[\w./@:+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;

/** The command that continues the interrupted import of `file`, read as `--from` says (none: a file of the importer's own). */
export const resumeCommand = (file: string, from: string | null | undefined) =>
  `todo import ${safeText(shellQuote(file))}${from ? ` --from ${from}` : ''} --resume`;

/**
 * Refuses to continue an interrupted import read another way than it was begun (`--from
 * todoist` then none, say): its rows would be other rows, under the ids the first reading's rows
 * were given, so some would be taken for todos already in and never sent.
 */
function checkSameReading(file: string, journal: Journal, from: string | undefined): void {
  if (journal.from === undefined || journal.from === (from ?? null)) return;
  const began = journal.from ? `with --from ${journal.from}` : 'without --from';
  throw new UsageError(
    `the interrupted import of "${safeText(file)}" was begun ${began}, and continues only read the same way: ${resumeCommand(file, journal.from)}`,
  );
}

function unreadable(file: string): never {
  throw new UsageError(`cannot read "${safeText(file)}": no such file, or not readable`);
}

function checkImportId(value: string): string {
  if (!/^[0-9A-Za-z_.-]{1,64}$/.test(value))
    throw new UsageError(`--import-id must be 1–64 letters, digits, "_", "." or "-" (got "${value}")`);
  return value;
}
