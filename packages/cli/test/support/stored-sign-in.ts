import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LocalSignIn, signInLocally } from '@todolist/local/testing';
import { newTodoUser, type TodoUser } from './todo-user.js';

/** A user signed in as `todo login` leaves one: tokens in the profile's file, no TODO_TOKEN. */
export interface SignedInUser extends TodoUser {
  signIn: LocalSignIn;
  tokenFile: string;
  /** The stored sign-in as the CLI left it. */
  readTokenFile(): Promise<Record<string, string>>;
  /** Rewrites fields of the stored sign-in, as time (or a moved server) would. */
  changeTokenFile(changes: Record<string, string>): Promise<void>;
}

/**
 * Signs a new person in through the gateway's real sign-in (as `todo login` would, but without
 * the browser and its loopback ports, so such tests can run side by side) and stores the tokens
 * where `todo login` puts them.
 */
export async function newSignedInUser(apiUrl: string, email = 'ada@example.com'): Promise<SignedInUser> {
  const signIn = await signInLocally(apiUrl, email, { clientId: 'todolist-cli' });
  const user = await newTodoUser(apiUrl, { token: signIn.accessToken });
  delete user.env.TODO_TOKEN;
  const tokenFile = join(user.configDir, 'tokens', 'default.json');
  const write = (tokens: Record<string, string>) =>
    writeFile(tokenFile, JSON.stringify(tokens), { mode: 0o600 });
  await mkdir(join(user.configDir, 'tokens'), { mode: 0o700 });
  await write({
    accessToken: signIn.accessToken,
    idToken: signIn.idToken,
    refreshToken: signIn.refreshToken,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    tokenEndpoint: `${apiUrl}/oauth2/token`,
    clientId: 'todolist-cli',
  });
  const readTokenFile = async () => JSON.parse(await readFile(tokenFile, 'utf8')) as Record<string, string>;
  return {
    ...user,
    signIn,
    tokenFile,
    readTokenFile,
    changeTokenFile: async (changes) => write({ ...(await readTokenFile()), ...changes }),
  };
}
