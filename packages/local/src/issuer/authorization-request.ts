import { allowedRedirect, findClient, type LocalClient, SUPPORTED_SCOPES } from './clients.js';
import { isS256Challenge } from './pkce.js';

/** A validated `/oauth2/authorize` request, waiting for the user to sign in. */
export interface AuthorizationRequest {
  client: LocalClient;
  /** As sent: the token request must repeat it exactly. */
  redirectUri: string;
  codeChallenge: string;
  state: string | null;
  /** The granted scope, space-separated: the requested one, or all the client may have. */
  scope: string;
}

export type ParsedAuthorizationRequest =
  | { ok: true; request: AuthorizationRequest }
  | { ok: false; message: string };

function parseScope(raw: string | null): string | undefined {
  if (raw === null || raw.trim() === '') return SUPPORTED_SCOPES.join(' ');
  const scopes = [...new Set(raw.trim().split(/\s+/))];
  const supported: readonly string[] = SUPPORTED_SCOPES;
  return scopes.every((scope) => supported.includes(scope)) ? scopes.join(' ') : undefined;
}

/**
 * Validates an authorization request (query of `GET /oauth2/authorize`, or the hidden fields
 * posted back to `/login`). The client and its redirect URI are checked first: until both are
 * known good, an error is shown as a page and never sent to the redirect URI.
 */
export function parseAuthorizationRequest(
  params: URLSearchParams,
  gatewayPort: number,
): ParsedAuthorizationRequest {
  const clientId = params.get('client_id');
  const client = findClient(clientId);
  if (!client) return { ok: false, message: `unknown client_id ${JSON.stringify(clientId ?? '')}` };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!allowedRedirect(client, redirectUri, gatewayPort))
    return {
      ok: false,
      message: `redirect_uri ${JSON.stringify(redirectUri)} is not allowed for ${client.clientId}`,
    };
  if (params.get('response_type') !== 'code') return { ok: false, message: 'response_type must be code' };
  const codeChallenge = params.get('code_challenge') ?? '';
  if (!isS256Challenge(codeChallenge))
    return {
      ok: false,
      message: 'PKCE is required: send a code_challenge (base64url SHA-256 of the verifier)',
    };
  if (params.get('code_challenge_method') !== 'S256')
    return { ok: false, message: 'code_challenge_method must be S256' };
  const scope = parseScope(params.get('scope'));
  if (!scope) return { ok: false, message: `scope must be among: ${SUPPORTED_SCOPES.join(' ')}` };
  return { ok: true, request: { client, redirectUri, codeChallenge, state: params.get('state'), scope } };
}

/** The request as the sign-in form's hidden fields, to be validated again when posted. */
export function pendingFields(request: AuthorizationRequest): Record<string, string> {
  return {
    response_type: 'code',
    client_id: request.client.clientId,
    redirect_uri: request.redirectUri,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    scope: request.scope,
    ...(request.state !== null ? { state: request.state } : {}),
  };
}
