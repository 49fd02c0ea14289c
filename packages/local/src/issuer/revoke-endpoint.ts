import type { IncomingMessage, ServerResponse } from 'node:http';
import { findClient } from './clients.js';
import { readForm, sendJson } from './http-answers.js';
import type { LocalAuthority } from './local-authority.js';

/**
 * `POST /oauth2/revoke` (RFC 7009), as Cognito's: a public client sends its refresh token and
 * client id, and the token stops working, with every access and id token of the same sign-in.
 * An unknown or already revoked token is a 200 too, so signing out twice is not an error.
 */
export async function revokeEndpoint(
  authority: LocalAuthority,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const form = await readForm(request);
  const token = form?.get('token');
  const clientId = form?.get('client_id');
  if (!form || !token) {
    const error_description = 'send the refresh token as token, in an application/x-www-form-urlencoded body';
    return sendJson(response, 400, { error: 'invalid_request', error_description });
  }
  if (!findClient(clientId))
    return sendJson(response, 401, {
      error: 'invalid_client',
      error_description: clientId ? `unknown client_id ${clientId}` : 'client_id is required',
    });
  const grant = authority.refreshTokens.peek(token);
  // A client may revoke only its own tokens (RFC 7009 §2.1); another's stays valid.
  if (grant && grant.clientId !== clientId)
    return sendJson(response, 400, {
      error: 'unauthorized_client',
      error_description: 'the token was issued to another client',
    });
  await authority.refreshTokens.revoke(token);
  if (grant) authority.revokedSignIns.add(grant.originJti);
  sendJson(response, 200, {});
}
