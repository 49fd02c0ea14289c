import { OAUTH_PATHS } from '@todolist/sdk/contract';
import { NotSignedInError, SignInError, TodoCliError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { readClaims } from './jwt.js';
import type { StoredTokens } from './token-file.js';

/** Where an authorization server takes each step of a sign-in. */
export interface AuthEndpoints {
  authorization: string;
  token: string;
}

function requestSignal(signal: AbortSignal, timeoutMs: number): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
}

/**
 * The endpoints from `<authUrl>/.well-known/openid-configuration` (the local gateway serves
 * one), else the contract's {@link OAUTH_PATHS}, Cognito's own: a Cognito domain has no
 * discovery document.
 */
export async function discoverEndpoints(
  authUrl: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<AuthEndpoints> {
  const fixed = {
    authorization: new URL(OAUTH_PATHS.authorize, authUrl).href,
    token: new URL(OAUTH_PATHS.token, authUrl).href,
  };
  try {
    const answer = await fetch(new URL('.well-known/openid-configuration', `${authUrl}/`), {
      signal: requestSignal(signal, timeoutMs),
    });
    if (!answer.ok) return fixed;
    const document = (await answer.json()) as Record<string, unknown>;
    const { authorization_endpoint: authorization, token_endpoint: token } = document;
    return typeof authorization === 'string' && typeof token === 'string' ? { authorization, token } : fixed;
  } catch (error) {
    if (signal.aborted) throw error;
    throw new TodoCliError(
      `cannot reach the sign-in server at ${authUrl}: is it running? Set another with "todo config set authUrl <url>"`,
      EXIT_CODES.unavailable,
      { cause: error },
    );
  }
}

interface TokenAnswer {
  access_token?: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

async function postForm(
  endpoint: string,
  form: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TokenAnswer }> {
  try {
    const answer = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: new URLSearchParams(form),
      signal: requestSignal(signal, timeoutMs),
    });
    const body = (await answer.json().catch(() => ({}))) as TokenAnswer;
    return { status: answer.status, body };
  } catch (error) {
    if (signal.aborted) throw error;
    throw new TodoCliError(`cannot reach the sign-in server at ${endpoint}`, EXIT_CODES.unavailable, {
      cause: error,
    });
  }
}

function expiresAt(body: TokenAnswer, accessToken: string, now: Date): string {
  const exp = readClaims(accessToken).exp;
  const ms =
    typeof body.expires_in === 'number'
      ? now.getTime() + body.expires_in * 1000
      : typeof exp === 'number'
        ? exp * 1000
        : now.getTime();
  return new Date(ms).toISOString();
}

/** Redeems the authorization code (with its PKCE verifier) for tokens. */
export async function exchangeCode(
  grant: { tokenEndpoint: string; clientId: string; code: string; redirectUri: string; verifier: string },
  signal: AbortSignal,
  timeoutMs: number,
  now: Date,
): Promise<StoredTokens> {
  const { status, body } = await postForm(
    grant.tokenEndpoint,
    {
      grant_type: 'authorization_code',
      client_id: grant.clientId,
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    },
    signal,
    timeoutMs,
  );
  if (status !== 200 || !body.access_token) {
    const reason = body.error_description ?? body.error ?? `HTTP ${status}`;
    throw new SignInError(`the sign-in server refused the sign-in: ${reason}; run todo login again`);
  }
  return {
    accessToken: body.access_token,
    ...(body.id_token ? { idToken: body.id_token } : {}),
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    expiresAt: expiresAt(body, body.access_token, now),
    tokenEndpoint: grant.tokenEndpoint,
    clientId: grant.clientId,
  };
}

/** New tokens for the refresh token; a refused refresh means signing in again (exit 4). */
export async function refreshTokens(
  tokens: StoredTokens,
  signal: AbortSignal,
  timeoutMs: number,
  now: Date,
): Promise<StoredTokens> {
  if (!tokens.refreshToken) throw new NotSignedInError();
  const { status, body } = await postForm(
    tokens.tokenEndpoint,
    { grant_type: 'refresh_token', client_id: tokens.clientId, refresh_token: tokens.refreshToken },
    signal,
    timeoutMs,
  );
  if (status === 400 || status === 401) throw new NotSignedInError();
  if (status !== 200 || !body.access_token) {
    throw new TodoCliError(
      `the sign-in server at ${tokens.tokenEndpoint} failed (HTTP ${status}); try again later`,
    );
  }
  // Cognito sends no new refresh token (no rotation): the one held stays valid.
  return {
    ...tokens,
    accessToken: body.access_token,
    ...(body.id_token ? { idToken: body.id_token } : {}),
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    expiresAt: expiresAt(body, body.access_token, now),
  };
}

/**
 * An access token for a machine client (client-credentials grant), with HTTP Basic client
 * authentication as Cognito expects. Refused credentials are exit 4, naming the variables.
 */
export async function clientCredentialsToken(
  client: { tokenEndpoint: string; clientId: string; clientSecret: string },
  signal: AbortSignal,
  timeoutMs: number,
  now: Date,
): Promise<{ accessToken: string; expiresAt: string }> {
  // RFC 6749 §2.3.1: each half is form-encoded before the two are joined and base64-encoded.
  const encode = (part: string) => encodeURIComponent(part).replaceAll('%20', '+');
  const basic = Buffer.from(`${encode(client.clientId)}:${encode(client.clientSecret)}`).toString('base64');
  const { status, body } = await postForm(
    client.tokenEndpoint,
    { grant_type: 'client_credentials' },
    signal,
    timeoutMs,
    { Authorization: `Basic ${basic}` },
  );
  if (status === 400 || status === 401) {
    const reason = body.error_description ?? body.error ?? `HTTP ${status}`;
    throw new SignInError(`the sign-in server refused TODO_CLIENT_ID and TODO_CLIENT_SECRET: ${reason}`);
  }
  if (status !== 200 || !body.access_token) {
    throw new TodoCliError(
      `the sign-in server at ${client.tokenEndpoint} failed (HTTP ${status}); try again later`,
    );
  }
  return { accessToken: body.access_token, expiresAt: expiresAt(body, body.access_token, now) };
}

/**
 * Tells the sign-in server to forget a refresh token (RFC 7009, at `OAUTH_PATHS.revoke` beside its
 * token endpoint, as Cognito has it). Answers whether the server confirmed it.
 */
export async function revokeRefreshToken(
  tokens: Pick<StoredTokens, 'tokenEndpoint' | 'clientId' | 'refreshToken'>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<boolean> {
  if (!tokens.refreshToken) return true;
  const endpoint = new URL(OAUTH_PATHS.revoke, tokens.tokenEndpoint).href;
  const { status } = await postForm(
    endpoint,
    { token: tokens.refreshToken, client_id: tokens.clientId },
    signal,
    timeoutMs,
  );
  return status === 200;
}
