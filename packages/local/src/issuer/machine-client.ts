import { randomBytes } from 'node:crypto';
import { TODO_SCOPES } from '@todolist/sdk/contract';
import type { DataFolder } from '../data/data-folder.js';
import { sameSecret } from './same-secret.js';

/** The local machine client's id, as `todolist-web` and `todolist-cli` are the people's. */
export const MACHINE_CLIENT_ID = 'todolist-machine';

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

/**
 * The machine client acting for `owner`. Its secret is read from the data folder, or made and
 * written there (mode 0600) on first start, so a script's configuration outlives a restart;
 * with no data folder (tests) it lives in memory only. A secret made for another owner is
 * replaced: a script set up for one person must not start writing into another's list.
 */
export async function loadMachineClient(folder: DataFolder | null, owner: string): Promise<MachineClient> {
  const fresh = () => randomBytes(32).toString('base64url');
  if (!folder) return { clientId: MACHINE_CLIENT_ID, clientSecret: fresh(), owner };
  const stored = (await folder.read('machineSecret'))?.trim();
  if (stored && (await folder.read('machineOwner'))?.trim() === owner)
    return { clientId: MACHINE_CLIENT_ID, clientSecret: stored, owner };
  const clientSecret = fresh();
  await folder.write('machineSecret', `${clientSecret}\n`);
  await folder.write('machineOwner', `${owner}\n`);
  return { clientId: MACHINE_CLIENT_ID, clientSecret, owner };
}
