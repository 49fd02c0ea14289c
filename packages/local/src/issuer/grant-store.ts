import { randomBytes } from 'node:crypto';

/**
 * Opaque random handles for server-side grants (authorization codes, refresh tokens), kept in
 * memory with an expiry. After a restart they are gone: the user simply signs in again.
 */
export class GrantStore<Grant> {
  readonly #grants = new Map<string, { grant: Grant; expiresAt: number }>();
  readonly #lifetimeMs: number;

  constructor(lifetimeMs: number) {
    this.#lifetimeMs = lifetimeMs;
  }

  /** Keeps a grant and returns its new handle. */
  issue(grant: Grant): string {
    this.#sweep();
    const handle = randomBytes(32).toString('base64url');
    this.#grants.set(handle, { grant, expiresAt: Date.now() + this.#lifetimeMs });
    return handle;
  }

  /** The grant of a handle that has not expired. */
  peek(handle: string): Grant | undefined {
    const entry = this.#grants.get(handle);
    return entry && entry.expiresAt > Date.now() ? entry.grant : undefined;
  }

  /** The grant of a handle, which no longer works afterwards (an authorization code works once). */
  take(handle: string): Grant | undefined {
    const grant = this.peek(handle);
    this.#grants.delete(handle);
    return grant;
  }

  /** Forgets a handle, as a revoked refresh token; `false` when it was unknown. */
  revoke(handle: string): boolean {
    return this.#grants.delete(handle);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [handle, entry] of this.#grants) if (entry.expiresAt <= now) this.#grants.delete(handle);
  }
}
