import { createHash } from 'node:crypto';
import { sameSecret } from './same-secret.js';

/** RFC 7636: a verifier is 43 to 128 unreserved characters; an S256 challenge is 43 base64url ones. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Whether a value has the shape of an S256 code challenge. */
export function isS256Challenge(challenge: string): boolean {
  return S256_CHALLENGE.test(challenge);
}

/** Whether a verifier is well formed and hashes to the challenge. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return sameSecret(challenge, s256(verifier));
}
