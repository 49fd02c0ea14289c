import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { AccessTokenIssuer } from '../config.js';

/** The outcome of checking a live connection's token: its claims, or why it is refused. */
export type TokenCheck = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

// Cognito signs its tokens with RS256 and publishes the keys beside the issuer.
const ALGORITHMS = ['RS256'];

function refused(reason: string): TokenCheck {
  return { ok: false, reason };
}

/** Why jose refused a token, or undefined when the failure is not the token's (the keys could not be read). */
function reasonOf(error: unknown, issuer: string): string | undefined {
  if (error instanceof errors.JWTExpired) return 'the access token has expired: refresh it and connect again';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss')
    return `the token was not issued by ${issuer}`;
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is not valid`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return "the token's signature does not verify with the user pool's keys";
  if (error instanceof errors.JOSEAlgNotAllowed)
    return `the token must be signed with ${ALGORITHMS.join(', ')}`;
  if (
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JOSENotSupported
  )
    return 'the token is not a well-formed signed JWT';
  return undefined;
}

/**
 * Checks live connections' tokens as the REST API's Cognito authorizer with authorization
 * scopes checks a request's: a signed (RS256), unexpired access token (`token_use` access) from
 * this user pool's issuer, of one of its app clients, holding `scope`. The pool's keys are read
 * from `<issuer>/.well-known/jwks.json` once per container and again when a token names a key
 * not seen yet. A failure to read them is thrown (an outage, not the caller's fault).
 *
 * @example
 * ```ts
 * const verify = accessTokenVerifier({ issuer, clientIds: [webClientId] }, TODO_SCOPES.read);
 * const check = await verify(token);
 * if (!check.ok) throw new Error('Unauthorized');
 * ```
 */
export function accessTokenVerifier(
  pool: AccessTokenIssuer,
  scope: string,
): (token: string | undefined) => Promise<TokenCheck> {
  const keys = createRemoteJWKSet(new URL(`${pool.issuer}/.well-known/jwks.json`));
  const clients = new Set(pool.clientIds);
  return async (token) => {
    if (!token) return refused('connect with ?token=<access token>: the same token the API takes');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer: pool.issuer,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'token_use'],
      }));
    } catch (error) {
      const reason = reasonOf(error, pool.issuer);
      if (reason === undefined) throw error;
      return refused(reason);
    }
    if (claims.token_use !== 'access')
      return refused(`a ${String(claims.token_use)} token is not an access token: send the access_token`);
    if (typeof claims.client_id !== 'string' || !clients.has(claims.client_id))
      return refused(`the token's client ${String(claims.client_id)} is not an app client of this user pool`);
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes(scope)) return refused(`the access token lacks the scope ${scope}`);
    return { ok: true, claims };
  };
}
