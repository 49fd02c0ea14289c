import type { MachineClient } from '../issuer/machine-client.js';

/**
 * Whose changes a live connection hears of: the owner the REST API would act for with the same
 * token (the handlers' `ownerOf`, src/http/identity.ts). A person's token is theirs (`sub`); a
 * client-credentials token, whose `sub` is its own `client_id` and which names no user, acts
 * for the machine client's owner.
 */
export function personOf(
  claims: Readonly<Record<string, string>>,
  machineClient: MachineClient | undefined,
): string {
  const subject = claims.sub ?? '';
  const isMachine = claims.client_id === subject && claims.username === undefined;
  return isMachine && machineClient?.clientId === subject ? machineClient.owner : subject;
}
