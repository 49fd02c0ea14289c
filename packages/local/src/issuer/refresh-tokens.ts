import type { DataFolder } from '../data/data-folder.js';
import { GrantStore, type KeptGrant } from './grant-store.js';
import type { SignInGrant } from './token-issuer.js';

/** How long a refresh token works, as the deployed user pool's: 30 days. */
const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 3600_000;

/** What `auth-refresh-tokens.json` holds: each live token's grant, under the token's SHA-256. */
interface SavedTokens {
  version: 1;
  tokens: Record<string, KeptGrant<SignInGrant>>;
}

function isSavedTokens(value: unknown): value is SavedTokens {
  const saved = value as Partial<SavedTokens> | null;
  return saved?.version === 1 && typeof saved.tokens === 'object' && saved.tokens !== null;
}

/**
 * The local user pool's refresh tokens, kept in the data folder so that restarting `npm start`
 * signs nobody out: an open page, the CLI and scripts refresh their access tokens after it as
 * they would against Cognito. The file holds each token's SHA-256, never a token, so reading it
 * opens no session. With no data folder (tests) they live in memory only.
 */
export class RefreshTokens {
  readonly #folder: DataFolder | null;
  readonly #store: GrantStore<SignInGrant>;
  /** The saves, one after another: each writes the tokens as they are when its turn comes. */
  #saving: Promise<void> = Promise.resolve();

  private constructor(folder: DataFolder | null, store: GrantStore<SignInGrant>) {
    this.#folder = folder;
    this.#store = store;
  }

  /**
   * The tokens the folder's file holds (those not expired), or none on a first start. A file
   * that cannot be read as tokens (edited by hand) is set aside: everyone signs in again, and
   * the next save replaces it.
   */
  static async load(folder: DataFolder | null): Promise<RefreshTokens> {
    const text = await folder?.read('refreshTokens');
    let saved: unknown;
    try {
      saved = text === undefined ? undefined : JSON.parse(text);
    } catch {
      saved = undefined;
    }
    const kept = isSavedTokens(saved) ? Object.entries(saved.tokens) : [];
    return new RefreshTokens(folder, new GrantStore(REFRESH_TOKEN_LIFETIME_MS, kept));
  }

  /** The sign-in a token that has not expired nor been revoked stands for. */
  peek(token: string): SignInGrant | undefined {
    return this.#store.peek(token);
  }

  /** A new token for the sign-in, saved before it is given: a crash after the answer loses none. */
  async issue(grant: SignInGrant): Promise<string> {
    const token = this.#store.issue(grant);
    await this.#save();
    return token;
  }

  /** Ends a token, saved before the revocation is answered; `false` when it was unknown. */
  async revoke(token: string): Promise<boolean> {
    const known = this.#store.revoke(token);
    if (known) await this.#save();
    return known;
  }

  #save(): Promise<void> {
    const folder = this.#folder;
    if (!folder) return Promise.resolve();
    const save = this.#saving.then(() => {
      const saved: SavedTokens = { version: 1, tokens: Object.fromEntries(this.#store.kept()) };
      return folder.replace('refreshTokens', `${JSON.stringify(saved)}\n`);
    });
    // A failed save fails its own request; the next save still runs, and writes everything.
    this.#saving = save.catch(() => {});
    return save;
  }
}
