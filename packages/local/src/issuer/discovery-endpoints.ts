import type { ServerResponse } from 'node:http';
import { OAUTH_PATHS } from '@todolist/sdk/contract';
import { SUPPORTED_SCOPES } from './clients.js';
import { sendJson } from './http-answers.js';
import type { LocalAuthority } from './local-authority.js';
import { SIGNING_ALGORITHM } from './signing-key.js';

/** `GET /.well-known/jwks.json`: the public key tokens are verified with. */
export function jwksEndpoint(authority: LocalAuthority, response: ServerResponse): void {
  sendJson(response, 200, { keys: [authority.key.publicJwk] });
}

/** `GET /.well-known/openid-configuration`: where everything is, for OAuth client libraries. */
export function openIdConfigurationEndpoint(authority: LocalAuthority, response: ServerResponse): void {
  const { origin } = authority;
  sendJson(response, 200, {
    issuer: authority.issuer,
    authorization_endpoint: `${origin}${OAUTH_PATHS.authorize}`,
    token_endpoint: `${origin}${OAUTH_PATHS.token}`,
    jwks_uri: `${origin}/.well-known/jwks.json`,
    revocation_endpoint: `${origin}${OAUTH_PATHS.revoke}`,
    end_session_endpoint: `${origin}/logout`,
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ['code'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      ...(authority.machineClient ? ['client_credentials'] : []),
    ],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: [
      'none',
      ...(authority.machineClient ? ['client_secret_basic', 'client_secret_post'] : []),
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
  });
}
