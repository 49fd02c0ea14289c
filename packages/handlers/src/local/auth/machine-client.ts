import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TODO_SCOPES } from '@todolist/sdk/contract';
import { readIfThere, sameSecret } from './data-files.js';

/** The local machine client's id, as `todolist-web` and `todolist-cli` are the people's. */
export const MACHINE_CLIENT_ID = 'todolist-machine';

/** The file in the data folder holding the machine client's secret. */
export const MACHINE_SECRET_FILE = 'machine-client-secret';

/** The scopes a machine client may ask for, as the deployed client-credentials client's. */
export const MACHINE_SCOPES = [TODO_SCOPES.read, TODO_SCOPES.write] as const;

/**
 * A confidential app client with the client-credentials grant only, for scripts on a server:
 * its tokens act for one named owner (the handlers' `MACHINE_OWNERS`), as the CDK app's
 * machine client does with `machineOwner`.
 */
export interface MachineClient {
  clientId: string;
  clientSecret: string;
  /** The owner its tokens act for. */
  owner: string;
}

/** Whether `presented` is the client's secret, compared in constant time. */
export function secretMatches(client: MachineClient, presented: string): boolean {
  return sameSecret(client.clientSecret, presented);
}

/** The file beside the secret naming the owner it was made for. */
const MACHINE_OWNER_FILE = 'machine-client-owner';

async function trimmedIfThere(file: string): Promise<string | undefined> {
  return (await readIfThere(file))?.trim() || undefined;
}

/**
 * The machine client acting for `owner`. Its secret is read from the data folder, or made and
 * written there (mode 0600) on first start, so a script's configuration outlives a restart;
 * with no data folder (tests) it lives in memory only. A secret made for another owner is
 * replaced: a script set up for one person must not start writing into another's list.
 */
export async function loadMachineClient(dataDir: string | null, owner: string): Promise<MachineClient> {
  const fresh = () => randomBytes(32).toString('base64url');
  if (!dataDir) return { clientId: MACHINE_CLIENT_ID, clientSecret: fresh(), owner };
  const secretFile = join(dataDir, MACHINE_SECRET_FILE);
  const ownerFile = join(dataDir, MACHINE_OWNER_FILE);
  const stored = await trimmedIfThere(secretFile);
  if (stored && (await trimmedIfThere(ownerFile)) === owner)
    return { clientId: MACHINE_CLIENT_ID, clientSecret: stored, owner };
  const clientSecret = fresh();
  await writeFile(secretFile, `${clientSecret}\n`, { mode: 0o600 });
  await writeFile(ownerFile, `${owner}\n`, { mode: 0o600 });
  return { clientId: MACHINE_CLIENT_ID, clientSecret, owner };
}
