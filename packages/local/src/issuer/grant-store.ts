import { createHash, randomBytes } from 'node:crypto';

/** A grant as the store keeps it: the grant, and when its handle stops working (ms since the epoch). */
export interface KeptGrant<Grant> {
  grant: Grant;
  expiresAt: number;
}

/** What a handle is kept under: its SHA-256, so that what the store holds (or saves) is no handle. */
function digestOf(handle: string): string {
  return createHash('sha256').update(handle).digest('base64url');
}

/**
 * Opaque random handles for server-side grants (authorization codes, refresh tokens), kept in
 * memory with an expiry, each under its handle's digest. `kept()` and the constructor's `kept`
 * let a store be saved and started again from what it saved (refresh-tokens.ts).
 */
export class GrantStore<Grant> {
  readonly #grants: Map<string, KeptGrant<Grant>>;
  readonly #lifetimeMs: number;

  constructor(lifetimeMs: number, kept: Iterable<[string, KeptGrant<Grant>]> = []) {
    this.#lifetimeMs = lifetimeMs;
    this.#grants = new Map(kept);
    this.#sweep();
  }

  /** Keeps a grant and returns its new handle. */
  issue(grant: Grant): string {
    this.#sweep();
    const handle = randomBytes(32).toString('base64url');
    this.#grants.set(digestOf(handle), { grant, expiresAt: Date.now() + this.#lifetimeMs });
    return handle;
  }

  /** The grant of a handle that has not expired. */
  peek(handle: string): Grant | undefined {
    const entry = this.#grants.get(digestOf(handle));
    return entry && entry.expiresAt > Date.now() ? entry.grant : undefined;
  }

  /** The grant of a handle, which no longer works afterwards (an authorization code works once). */
  take(handle: string): Grant | undefined {
    const grant = this.peek(handle);
    this.#grants.delete(digestOf(handle));
    return grant;
  }

  /** Forgets a handle, as a revoked refresh token; `false` when it was unknown. */
  revoke(handle: string): boolean {
    return this.#grants.delete(digestOf(handle));
  }

  /** Every grant that has not expired, under its handle's digest. */
  kept(): [string, KeptGrant<Grant>][] {
    this.#sweep();
    return [...this.#grants];
  }

  #sweep(): void {
    const now = Date.now();
    for (const [digest, entry] of this.#grants) if (entry.expiresAt <= now) this.#grants.delete(digest);
  }
}
