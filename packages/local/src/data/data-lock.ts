import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { DataFolder } from './data-folder.js';

/** Thrown when another gateway already serves the same data folder. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process, or throws {@link DataFolderInUseError} naming the
 * process that holds it. A pid file rather than a lock library's timed lease: after a crash or
 * a SIGKILL the folder is free again at once, because the recorded process is gone.
 */
export function lockDataFolder(folder: DataFolder): { release(): void } {
  const dataDir = folder.dir;
  const lockPath = folder.path('lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return { release: () => rmSync(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new DataFolderInUseError(
          `another todolist gateway (pid ${holder}) is already using ${dataDir}: stop it first, or set TODOLIST_DATA_DIR to another folder`,
        );
      }
      rmSync(lockPath, { force: true }); // left by a process that has ended
    }
  }
  throw new DataFolderInUseError(`could not take the lock on ${dataDir}: another gateway is starting there`);
}
