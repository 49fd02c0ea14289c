import type { IncomingMessage, ServerResponse } from 'node:http';
import { findClient } from './clients.js';
import { readForm, sendJson } from './http-answers.js';
import type { LocalAuthority } from './local-authority.js';
import { verifierMatches } from './pkce.js';
import { issueTokens, type SignInGrant } from './token-issuer.js';

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

/** A token request that cannot be granted, answered as RFC 6749 §5.2 says. */
class TokenRequestError extends Error {
  override name = 'TokenRequestError';
  constructor(
    readonly error: OAuthError,
    description: string,
  ) {
    super(description);
  }
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
): Promise<Record<string, unknown>> {
  const grantType = required(form, 'grant_type');
  const clientId = required(form, 'client_id');
  if (!findClient(clientId)) throw new TokenRequestError('invalid_client', `unknown client_id ${clientId}`);
  const isCode = grantType === 'authorization_code';
  if (!isCode && grantType !== 'refresh_token')
    throw new TokenRequestError(
      'unsupported_grant_type',
      'grant_type must be authorization_code or refresh_token',
    );
  const grant = isCode ? codeGrant(authority, form, clientId) : refreshGrant(authority, form, clientId);
  const tokens = await issueTokens(grant, authority.key, authority.issuer);
  return {
    access_token: tokens.accessToken,
    id_token: tokens.idToken,
    // As Cognito without rotation: the refresh token comes with the code grant only.
    ...(isCode ? { refresh_token: authority.refreshTokens.issue(grant) } : {}),
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
  };
}

/** `POST /oauth2/token`: the authorization code (with its PKCE verifier) or a refresh token, for tokens. */
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
    sendJson(response, 200, await grantTokens(authority, form));
  } catch (error) {
    if (!(error instanceof TokenRequestError)) throw error;
    sendJson(response, 400, { error: error.error, error_description: error.message });
  }
}
