import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): the secret verifier kept here, its S256 challenge sent in the URL. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `state` that ties the callback to this sign-in, so no other page can finish it. */
export function newState(): string {
  return randomBytes(16).toString('base64url');
}
