// @ts-check
// The signed-in person's tokens: in memory, and in sessionStorage so a reload keeps the session
// while a new tab or window signs in again. Never localStorage: tokens end with the tab. The SDK
// asks `token` for the access token of every call; it is refreshed first when it is about to
// expire or when the API refused it.
import { SignInError } from './sign-in-state.js';

/** @typedef {import('./auth.js').Tokens} Tokens */
/** @typedef {import('./auth.js').AuthClient} AuthClient */

const STORAGE_KEY = 'todolist.session';

/** An access token this close to expiry is refreshed before it is sent. */
const EARLY_MS = 60_000;

/** @returns {Tokens | null} */
function stored() {
  try {
    const tokens = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return tokens && typeof tokens.accessToken === 'string' && typeof tokens.refreshToken === 'string'
      ? tokens
      : null;
  } catch {
    return null;
  }
}

/**
 * A JWT's claims, read without verifying the signature: only for display.
 * @param {string} jwt
 * @returns {Record<string, unknown>}
 */
function claimsOf(jwt) {
  try {
    const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

/**
 * Emits `ended` (a CustomEvent whose detail is the error) when a refresh fails and the person
 * must sign in again.
 */
export class Session extends EventTarget {
  #auth;
  /** @type {Tokens | null} */
  #tokens = stored();
  /** @type {Promise<string> | null} one refresh at a time: every caller waits for the same */
  #refreshing = null;

  /** @param {() => Promise<AuthClient>} auth the OAuth client, loaded when first needed */
  constructor(auth) {
    super();
    this.#auth = auth;
  }

  /** Whether the tab holds a session, from this load or an earlier one. */
  static exists() {
    return stored() !== null;
  }

  get signedIn() {
    return this.#tokens !== null;
  }

  /** The id token's e-mail address, for display. */
  get email() {
    const email = this.#tokens ? claimsOf(this.#tokens.idToken).email : undefined;
    return typeof email === 'string' ? email : '';
  }

  /** @param {Tokens} tokens */
  start(tokens) {
    this.#tokens = tokens;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  }

  /**
   * Forgets the tokens, here and in sessionStorage.
   * @returns {string | undefined} the refresh token there was, to revoke at sign-out
   */
  end() {
    const refreshToken = this.#tokens?.refreshToken;
    this.#tokens = null;
    sessionStorage.removeItem(STORAGE_KEY);
    return refreshToken;
  }

  /**
   * The SDK's token provider: the access token, refreshed first when it expires within a minute
   * or when the API refused it (`refresh: true`).
   * @type {import('/vendor/todolist-sdk.min.js').TokenProvider}
   */
  token = async ({ refresh }) => {
    const tokens = this.#tokens;
    if (!tokens) throw new SignInError('you are signed out');
    if (!refresh && tokens.expiresAt - Date.now() > EARLY_MS) return tokens.accessToken;
    return this.#refresh(tokens.refreshToken);
  };

  /** @param {string} refreshToken */
  #refresh(refreshToken) {
    this.#refreshing ??= this.#auth()
      .then((auth) => auth.refresh(refreshToken))
      .then(
        (tokens) => {
          this.start(tokens);
          return tokens.accessToken;
        },
        (error) => {
          // Only a refusal ends the session. A sign-in service that cannot be reached (no
          // network, a server down) leaves it for the next try: the live socket asks for a fresh
          // token after a connection refused, as a stopped gateway refuses it.
          if (error instanceof SignInError) {
            this.end();
            this.dispatchEvent(new CustomEvent('ended', { detail: error }));
          }
          throw error;
        },
      )
      .finally(() => {
        this.#refreshing = null;
      });
    return this.#refreshing;
  }
}
