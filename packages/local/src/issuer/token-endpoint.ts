import type { IncomingMessage, ServerResponse } from 'node:http';
import { findClient } from './clients.js';
import { readForm, sendJson } from './http-answers.js';
import type { LocalAuthority } from './local-authority.js';
import { MACHINE_SCOPES, secretMatches } from './machine-client.js';
import { verifierMatches } from './pkce.js';
import { preTokenGenerationEvent } from './pre-token-generation.js';
import { issueMachineToken, issueTokens, type SignInGrant, TOKEN_LIFETIME_SECONDS } from './token-issuer.js';

type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unsupported_grant_type';

/** A token request that cannot be granted, answered as RFC 6749 §5.2 says. */
class TokenRequestError extends Error {
  override name = 'TokenRequestError';
  constructor(
    readonly error: OAuthError,
    description: string,
    /** 401 for a client that failed to authenticate, with a Basic challenge if it tried Basic. */
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

/** The client id and secret of a confidential client: HTTP Basic (RFC 6749 §2.3.1) or the form. */
function clientCredentialsOf(
  authorization: string | undefined,
  form: URLSearchParams,
): { clientId: string; clientSecret: string; basic: boolean } | undefined {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    // Each half is form-encoded before joining (RFC 6749 §2.3.1).
    const decode = (part: string) => decodeURIComponent(part.replaceAll('+', ' '));
    try {
      return {
        clientId: decode(decoded.slice(0, colon)),
        clientSecret: decode(decoded.slice(colon + 1)),
        basic: true,
      };
    } catch {
      return undefined;
    }
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  return clientId && clientSecret ? { clientId, clientSecret, basic: false } : undefined;
}

/** The client-credentials grant of the machine client: a token acting for its owner. */
async function clientCredentialsGrant(
  authority: LocalAuthority,
  form: URLSearchParams,
  authorization: string | undefined,
): Promise<Record<string, unknown>> {
  const machine = authority.machineClient;
  const presented = clientCredentialsOf(authorization, form);
  if (
    !machine ||
    !presented ||
    presented.clientId !== machine.clientId ||
    !secretMatches(machine, presented.clientSecret)
  ) {
    const challenge: Record<string, string> = presented?.basic
      ? { 'WWW-Authenticate': 'Basic realm="todolist"' }
      : {};
    const description = machine
      ? `client authentication failed: send ${machine.clientId}'s secret with HTTP Basic or as client_secret`
      : 'this gateway has no machine client: start it with MACHINE_OWNER set';
    throw new TokenRequestError('invalid_client', description, 401, challenge);
  }
  const asked = form.get('scope')?.split(' ').filter(Boolean) ?? [];
  const unknown = asked.filter((scope) => !(MACHINE_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0)
    throw new TokenRequestError('invalid_scope', `not a scope of ${machine.clientId}: ${unknown.join(' ')}`);
  // As Cognito: no scope asked means every scope the client may have.
  const scope = (asked.length > 0 ? asked : MACHINE_SCOPES).join(' ');
  return {
    access_token: await issueMachineToken(machine.clientId, scope, authority.key, authority.issuer),
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
  };
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new TokenRequestError('invalid_request', `${name} is required`);
  return value;
}

function codeGrant(authority: LocalAuthority, form: URLSearchParams, clientId: string): SignInGrant {
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const verifier = required(form, 'code_verifier');
  // Taken before any check: a code that was presented once never works again.
  const grant = authority.codes.take(code);
  if (!grant)
    throw new TokenRequestError('invalid_grant', 'the code is unknown, used or expired: sign in again');
  if (grant.clientId !== clientId)
    throw new TokenRequestError('invalid_grant', 'the code was issued to another client');
  if (grant.redirectUri !== redirectUri)
    throw new TokenRequestError('invalid_grant', 'redirect_uri differs from the authorization request');
  if (!verifierMatches(verifier, grant.codeChallenge))
    throw new TokenRequestError('invalid_grant', 'code_verifier does not match the code_challenge');
  const { redirectUri: _uri, codeChallenge: _challenge, ...signIn } = grant;
  return signIn;
}

function refreshGrant(authority: LocalAuthority, form: URLSearchParams, clientId: string): SignInGrant {
  const grant = authority.refreshTokens.peek(required(form, 'refresh_token'));
  if (!grant || grant.clientId !== clientId)
    throw new TokenRequestError('invalid_grant', 'the refresh token is unknown or expired: sign in again');
  return grant;
}

async function grantTokens(
  authority: LocalAuthority,
  form: URLSearchParams,
  authorization: string | undefined,
): Promise<Record<string, unknown>> {
  const grantType = required(form, 'grant_type');
  if (grantType === 'client_credentials') return clientCredentialsGrant(authority, form, authorization);
  const clientId = required(form, 'client_id');
  if (!findClient(clientId)) throw new TokenRequestError('invalid_client', `unknown client_id ${clientId}`);
  const isCode = grantType === 'authorization_code';
  if (!isCode && grantType !== 'refresh_token')
    throw new TokenRequestError(
      'unsupported_grant_type',
      'grant_type must be authorization_code, refresh_token or client_credentials',
    );
  const grant = isCode ? codeGrant(authority, form, clientId) : refreshGrant(authority, form, clientId);
  await authority.preTokenGeneration?.(
    preTokenGenerationEvent(grant, isCode ? 'TokenGeneration_HostedAuth' : 'TokenGeneration_RefreshTokens'),
  );
  const tokens = await issueTokens(grant, authority.key, authority.issuer);
  return {
    access_token: tokens.accessToken,
    id_token: tokens.idToken,
    // As Cognito without rotation: the refresh token comes with the code grant only.
    ...(isCode ? { refresh_token: await authority.refreshTokens.issue(grant) } : {}),
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
  };
}

/**
 * `POST /oauth2/token`: the authorization code (with its PKCE verifier), a refresh token, or the
 * machine client's credentials, for tokens.
 */
export async function tokenEndpoint(
  authority: LocalAuthority,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const form = await readForm(request);
  if (!form) {
    const error_description = 'send an application/x-www-form-urlencoded body';
    return sendJson(response, 400, { error: 'invalid_request', error_description });
  }
  try {
    sendJson(response, 200, await grantTokens(authority, form, request.headers.authorization));
  } catch (error) {
    if (!(error instanceof TokenRequestError)) throw error;
    for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    sendJson(response, error.status, { error: error.error, error_description: error.message });
  }
}
