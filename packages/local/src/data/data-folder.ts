import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file the local product keeps in its data folder, by what it holds. */
export const DATA_FILES = {
  /** The pid of the gateway serving the folder (see data-lock.ts). */
  lock: 'gateway.pid',
  /** dynalite's LevelDB folder: the todos. */
  database: 'dynamodb',
  /** The key that signs list cursors. */
  cursorKey: 'cursor-signing-key',
  /** The local user pool's private signing key (a JWK). */
  signingKey: 'auth-signing-key.json',
  /** The local user pool's refresh tokens (their SHA-256 only), so a restart signs nobody out. */
  refreshTokens: 'auth-refresh-tokens.json',
  /** The machine client's secret, and the owner it was made for. */
  machineSecret: 'machine-client-secret',
  machineOwner: 'machine-client-owner',
} as const;

export type DataFile = keyof typeof DATA_FILES;

/** Files whose reader could sign tokens or act as a machine client: a looser mode is reported. */
const SECRETS: readonly DataFile[] = ['cursorKey', 'signingKey', 'machineSecret'];

/** Others' read, write and execute bits. */
const OTHERS = 0o077;

/**
 * The data folder of `npm start`. Only its owner may read it: the folder and every folder in
 * it 0700, every file 0600, as a user's `~/.ssh`. Other people on the machine could otherwise
 * read every todo and the keys that sign everyone's tokens.
 */
export class DataFolder {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Where `file` lives. */
  path(file: DataFile): string {
    return join(this.dir, DATA_FILES[file]);
  }

  /**
   * Makes the folder if missing and takes every mode in it down to its owner's, also in a folder
   * an older version made 0755 with files 0644. Answers a warning for each secret that others
   * could read until now, as such a secret may have been copied.
   */
  secure(): string[] {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const warnings: string[] = [];
    const exposed = new Set(SECRETS.map((file) => this.path(file)));
    const walk = (path: string) => {
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) return;
      const mode = stat.mode & 0o777;
      if (stat.isDirectory()) {
        if (mode !== 0o700) chmodSync(path, 0o700);
        for (const name of readdirSync(path)) walk(join(path, name));
        return;
      }
      if (exposed.has(path) && mode & OTHERS)
        warnings.push(
          `${path} was readable by other users (mode ${mode.toString(8).padStart(4, '0')}); it is 0600 now, but anyone who copied it can still use it: delete it to make a new one`,
        );
      if (mode !== 0o600) chmodSync(path, 0o600);
    };
    walk(this.dir);
    return warnings;
  }

  /** The file's text, or `undefined` when there is no such file (a first start). */
  async read(file: DataFile): Promise<string | undefined> {
    return readFile(this.path(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  }

  /**
   * Writes the file, mode 0600 also when it was there with a looser one (`writeFile`'s mode
   * applies only to a file it creates). `exclusive` fails rather than replace a file.
   */
  async write(file: DataFile, text: string, options: { exclusive?: boolean } = {}): Promise<void> {
    const path = this.path(file);
    await writeFile(path, text, { mode: 0o600, ...(options.exclusive ? { flag: 'wx' } : {}) });
    await chmod(path, 0o600);
  }

  /**
   * Replaces the file's text all at once: written beside it, then renamed over it, so a crash
   * mid-write leaves the old text, never half of the new.
   */
  async replace(file: DataFile, text: string): Promise<void> {
    const path = this.path(file);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  }
}
