import { createHash } from 'node:crypto';

/** An e-mail address as the local user pool compares it: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The user's `sub` for an e-mail address: a UUID (version 8, RFC 9562) from a hash of the address
 * and the signing key's id. The same person keeps their todos across sign-ins and restarts, while
 * another data folder (another key) gives other subjects, as another user pool would.
 */
export function subjectFor(email: string, kid: string): string {
  const hash = createHash('sha256')
    .update(`${kid}\n${normalizeEmail(email)}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80; // version 8: custom
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // the RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
