import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../config/atomic-file.js';
import { UsageError } from '../errors.js';

/** What a sign-in leaves in `<tokens folder>/<profile>.json`. */
export interface StoredTokens {
  accessToken: string;
  /** The OpenID id token: who signed in (e-mail, sub). */
  idToken?: string;
  /** Gets new access tokens without signing in again; absent when the server gave none. */
  refreshToken?: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
  /** Where the refresh token is redeemed, as found at sign-in. */
  tokenEndpoint: string;
  /** The app client the tokens were issued to. */
  clientId: string;
}

export function tokenFile(tokensDir: string, profile: string): string {
  return join(tokensDir, `${profile}.json`);
}

/** The profile's tokens, or `undefined` when it is not signed in. */
export async function readTokens(file: string): Promise<StoredTokens | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const tokens = JSON.parse(text) as Partial<StoredTokens>;
    if (typeof tokens.accessToken !== 'string') throw new Error('no accessToken');
    return tokens as StoredTokens;
  } catch (cause) {
    throw new UsageError(`${file} is not a token file: delete it with "todo logout" and sign in again`, {
      cause,
    });
  }
}

/** Writes the tokens atomically, readable by the owner only (the folder too). */
export async function saveTokens(file: string, tokens: StoredTokens): Promise<void> {
  const folder = join(file, '..');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // mkdir leaves the mode of a folder that was there already, and applies the umask to a new one.
  await chmod(folder, 0o700);
  await writeFileAtomically(file, `${JSON.stringify(tokens, null, 2)}\n`);
}

/** Deletes the profile's tokens; answers whether there were any. */
export async function deleteTokens(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
