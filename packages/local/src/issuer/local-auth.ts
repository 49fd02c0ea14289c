import type { IncomingMessage, ServerResponse } from 'node:http';
import { OAUTH_PATHS } from '@todolist/sdk/contract';
import { type BearerCheck, checkBearer } from './access-token-verifier.js';
import { findClient } from './clients.js';
import { jwksEndpoint, openIdConfigurationEndpoint } from './discovery-endpoints.js';
import { sendText } from './http-answers.js';
import { createLocalAuthority, type LocalAuthority, type LocalAuthorityParts } from './local-authority.js';
import { logoutEndpoint } from './logout-endpoint.js';
import { revokeEndpoint } from './revoke-endpoint.js';
import { authorizeEndpoint, loginEndpoint } from './sign-in-endpoints.js';
import { SIGN_IN_CSS, SIGN_IN_CSS_PATH } from './sign-in-page.js';
import { tokenEndpoint } from './token-endpoint.js';

/** The local user pool, as the gateway uses it. */
export interface LocalAuth {
  /** The `iss` of its tokens: `http://localhost:<port>/auth`. */
  readonly issuer: string;
  /** Answers a request for one of its endpoints; `false` when the path is none of them. */
  serve(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
  /** Checks an `Authorization` header (or its absence) for a route that needs `scope`. */
  checkBearer(header: string | undefined, scope: string): Promise<BearerCheck>;
}

interface Endpoint {
  method: 'GET' | 'POST';
  run(authority: LocalAuthority, request: IncomingMessage, response: ServerResponse, url: URL): unknown;
}

const jwks: Endpoint = {
  method: 'GET',
  run: (authority, _request, response) => jwksEndpoint(authority, response),
};
const openIdConfiguration: Endpoint = {
  method: 'GET',
  run: (authority, _request, response) => openIdConfigurationEndpoint(authority, response),
};

// Discovery is served at the root and under the issuer's path, where OIDC clients look for it
// (`<issuer>/.well-known/openid-configuration`), as Cognito serves it under its issuer.
const ENDPOINTS: Record<string, Endpoint> = {
  '/.well-known/jwks.json': jwks,
  '/auth/.well-known/jwks.json': jwks,
  '/.well-known/openid-configuration': openIdConfiguration,
  '/auth/.well-known/openid-configuration': openIdConfiguration,
  [OAUTH_PATHS.authorize]: {
    method: 'GET',
    run: (authority, _request, response, url) => authorizeEndpoint(authority, url, response),
  },
  '/login': {
    method: 'POST',
    run: (authority, request, response) => loginEndpoint(authority, request, response),
  },
  [OAUTH_PATHS.token]: {
    method: 'POST',
    run: (authority, request, response) => tokenEndpoint(authority, request, response),
  },
  [OAUTH_PATHS.revoke]: {
    method: 'POST',
    run: (authority, request, response) => revokeEndpoint(authority, request, response),
  },
  [OAUTH_PATHS.logout]: {
    method: 'GET',
    run: (authority, _request, response, url) => logoutEndpoint(authority, url, response),
  },
  [SIGN_IN_CSS_PATH]: {
    method: 'GET',
    run: (_authority, _request, response) => sendText(response, 200, 'text/css; charset=utf-8', SIGN_IN_CSS),
  },
};

/**
 * The local user pool of a gateway listening on `port`: the sign-in endpoints (authorize,
 * login, token, revoke, logout, discovery) and the check of access tokens the API routes need.
 * With a `machineClient`, scripts can also get tokens with the client-credentials grant.
 */
export function createLocalAuth(parts: LocalAuthorityParts, port: number): LocalAuth {
  const authority = createLocalAuthority(parts, port);
  const { machineClient } = parts;
  const knowsClient = (clientId: string) =>
    findClient(clientId) !== undefined || clientId === machineClient?.clientId;
  // What the bearer check needs, put together once rather than per request.
  const verifier = { ...authority, knowsClient };
  return {
    issuer: authority.issuer,
    async serve(request, response, url) {
      const endpoint = Object.hasOwn(ENDPOINTS, url.pathname) ? ENDPOINTS[url.pathname] : undefined;
      if (!endpoint) return false;
      if (request.method !== endpoint.method) {
        response.writeHead(405, { Allow: endpoint.method, 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`${request.method} is not allowed on ${url.pathname}; allowed: ${endpoint.method}\n`);
        return true;
      }
      await endpoint.run(authority, request, response, url);
      return true;
    },
    checkBearer: (header, scope) => checkBearer(header, scope, verifier),
  };
}
