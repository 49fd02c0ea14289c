// @ts-check
// The page's OAuth client: the authorization code flow with PKCE (S256) against the user pool
// config.json names: Cognito's managed login on AWS (`auth.domain`), or, when config.json has no
// `auth`, the local gateway, which plays the user pool at the API's own origin with the same paths.

import { APP_CLIENT_IDS, OAUTH_PATHS, SIGN_IN_SCOPES } from '/vendor/todolist-sdk.min.js';
import { SignInError } from './sign-in-state.js';

/** What the page asks for: who the person is, and their todos (the contract's). */
const SCOPES = SIGN_IN_SCOPES.join(' ');

/** The page's app client when config.json does not name one: the local user pool's. */
const DEFAULT_CLIENT_ID = APP_CLIENT_IDS.web;

/** The sign-in under way (verifier, state, where to come back to), for the redirect's return. */
const PENDING_KEY = 'todolist.sign-in';

/** @typedef {{ authorize: string, token: string, revoke: string, logout: string }} Endpoints */
/**
 * @typedef {object} Tokens
 * @property {string} accessToken sent to the API
 * @property {string} idToken who signed in, for display
 * @property {string} refreshToken for new access tokens
 * @property {number} expiresAt when the access token expires, in ms since the epoch
 */
/** @typedef {{ issuer?: string, domain?: string, clientId?: string }} AuthConfig */

/** 32 random bytes, base64url: a PKCE verifier, or a state. */
function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** @param {Uint8Array} bytes */
function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** @param {string} verifier */
async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/**
 * The endpoints under a base URL, at Cognito's paths.
 * @param {string} domain managed login's base URL (`https://…amazoncognito.com`), scheme optional
 * @returns {Endpoints}
 */
function endpointsAt(domain) {
  const base = (/^https?:\/\//.test(domain) ? domain : `https://${domain}`).replace(/\/+$/, '');
  return {
    authorize: `${base}${OAUTH_PATHS.authorize}`,
    token: `${base}${OAUTH_PATHS.token}`,
    revoke: `${base}${OAUTH_PATHS.revoke}`,
    logout: `${base}${OAUTH_PATHS.logout}`,
  };
}

/**
 * Turns a token endpoint's answer into tokens, or a {@link SignInError} with its reason.
 * @param {Response} response
 * @param {string} [refreshToken] kept when the answer has none (Cognito does not rotate it)
 * @returns {Promise<Tokens>}
 */
async function tokensFrom(response, refreshToken) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new SignInError(
      body.error_description ?? body.error ?? `the sign-in service answered ${response.status}`,
    );
  const refresh = body.refresh_token ?? refreshToken;
  if (
    typeof body.access_token !== 'string' ||
    typeof body.id_token !== 'string' ||
    typeof refresh !== 'string'
  )
    throw new SignInError('the sign-in service answered without tokens');
  return {
    accessToken: body.access_token,
    idToken: body.id_token,
    refreshToken: refresh,
    expiresAt: Date.now() + Number(body.expires_in ?? 3600) * 1000,
  };
}

export class AuthClient {
  #apiUrl;
  #auth;

  /** @param {{ apiUrl: string, auth?: AuthConfig | undefined }} config */
  constructor({ apiUrl, auth }) {
    this.#apiUrl = apiUrl;
    this.#auth = auth;
  }

  get clientId() {
    return this.#auth?.clientId ?? DEFAULT_CLIENT_ID;
  }

  /**
   * Where the authorization server's endpoints are: managed login's domain on AWS; locally the
   * gateway, at the API's own origin and with Cognito's paths, so its token endpoint is the
   * page's own origin (`connect-src 'self'`), under whichever name the page was opened with.
   * @returns {Endpoints}
   */
  get endpoints() {
    return endpointsAt(this.#auth?.domain ?? new URL(this.#apiUrl).origin);
  }

  /** Sends the browser to the sign-in page; it comes back to `/?code=…&state=…`. */
  async signIn() {
    const { authorize } = this.endpoints;
    const verifier = randomString();
    const state = randomString();
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, hash: window.location.hash }));
    const url = new URL(authorize);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: redirectUri(),
      scope: SCOPES,
      state,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    }).toString();
    window.location.assign(url);
  }

  /**
   * Ends the sign-in that brought the browser back with `params`: checks the state and trades the
   * code for tokens. Answers them and the hash the page had when Sign in was clicked.
   * @param {URLSearchParams} params
   * @returns {Promise<{ tokens: Tokens, hash: string }>}
   */
  async completeSignIn(params) {
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    /** @type {{ verifier?: string, state?: string, hash?: string }} */
    const pending = raw ? JSON.parse(raw) : {};
    const error = params.get('error');
    if (error) throw new SignInError(params.get('error_description') ?? error);
    if (!pending.verifier || !pending.state || params.get('state') !== pending.state)
      throw new SignInError('the answer did not match a sign-in started here');
    const response = await this.#tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    });
    return { tokens: await tokensFrom(response), hash: pending.hash ?? '' };
  }

  /**
   * New tokens for a refresh token.
   * @param {string} refreshToken
   */
  async refresh(refreshToken) {
    const response = await this.#tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
    return tokensFrom(response, refreshToken);
  }

  /**
   * Posts a grant to the token endpoint, as this (public) client.
   * @param {Record<string, string>} grant
   */
  #tokenRequest(grant) {
    return this.#post(this.endpoints.token, grant);
  }

  /**
   * Posts a form to one of the user pool's endpoints, as this (public) client.
   * @param {string} url
   * @param {Record<string, string>} fields
   * @param {RequestInit} [init]
   */
  #post(url, fields, init = {}) {
    return fetch(url, {
      ...init,
      method: 'POST',
      body: new URLSearchParams({ ...fields, client_id: this.clientId }),
    });
  }

  /**
   * Revokes a refresh token at the user pool, which ends every token of that sign-in (a copy of
   * them stops working too). Best effort, within 3 s: sign-out goes on whatever the answer.
   * @param {string} refreshToken
   * @returns {Promise<boolean>} whether the user pool confirmed it
   */
  async revoke(refreshToken) {
    try {
      const init = { signal: AbortSignal.timeout(3000) };
      return (await this.#post(this.endpoints.revoke, { token: refreshToken }, init)).ok;
    } catch {
      return false;
    }
  }

  /** The URL that ends the session at the user pool and comes back to the page. */
  signOutUrl() {
    const url = new URL(this.endpoints.logout);
    url.search = new URLSearchParams({ client_id: this.clientId, logout_uri: redirectUri() }).toString();
    return url.href;
  }
}

/** The page's root at its own origin: where sign-in and sign-out come back to. */
function redirectUri() {
  return `${window.location.origin}/`;
}
