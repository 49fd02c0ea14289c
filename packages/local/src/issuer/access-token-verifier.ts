import { errors, type JWTPayload, jwtVerify } from 'jose';
import { SIGNING_ALGORITHM, type SigningKey } from './signing-key.js';

/**
 * The outcome of checking a bearer token: the claims as API Gateway passes them, or why not and
 * the `WWW-Authenticate` challenge to answer with (RFC 6750 §3).
 */
export type BearerCheck =
  | { ok: true; claims: Record<string, string> }
  | { ok: false; reason: string; challenge: string };

// RFC 6750 §3.1: a request with no credentials at all gets the bare challenge, no error code.
const NO_CREDENTIALS = 'Bearer';
const INVALID_TOKEN = 'Bearer error="invalid_token"';

function refused(reason: string): BearerCheck {
  return { ok: false, reason, challenge: INVALID_TOKEN };
}

// Clocks on one machine agree; a little slack only covers a token made in the same second.
const CLOCK_TOLERANCE_SECONDS = 5;

/** API Gateway's Cognito authorizer hands claims to the Lambda as strings; so does the gateway. */
function asStrings(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    claims[name] = Array.isArray(value) ? value.join(' ') : String(value);
  }
  return claims;
}

function reasonOf(error: unknown, issuer: string): string {
  if (error instanceof errors.JWTExpired) return 'the access token has expired: refresh it or sign in again';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "the token's signature does not verify with this gateway's key (see /.well-known/jwks.json)";
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss')
    return `the token was not issued by ${issuer}`;
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is not valid`;
  if (error instanceof errors.JOSEAlgNotAllowed) return `the token must be signed with ${SIGNING_ALGORITHM}`;
  return 'the bearer token is not a well-formed signed JWT';
}

/**
 * Checks an `Authorization` header as API Gateway's Cognito authorizer with authorization scopes
 * does: a signed, unexpired access token from this issuer, of a known client, holding `scope`.
 * A request with no header is refused too: every todo route needs a token, as on AWS.
 */
export async function checkBearer(
  header: string | undefined,
  scope: string,
  authority: {
    key: SigningKey;
    issuer: string;
    knowsClient(clientId: string): boolean;
    revokedSignIns: ReadonlySet<string>;
  },
): Promise<BearerCheck> {
  const { key, issuer } = authority;
  if (header === undefined || header.trim() === '') {
    const reason =
      'sign in first: send "Authorization: Bearer <access token>" (see /.well-known/openid-configuration)';
    return { ok: false, reason, challenge: NO_CREDENTIALS };
  }
  // The scheme is case-insensitive and may be followed by several spaces (RFC 9110 §11.1, §11.4).
  const token = /^Bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(header.trim())?.[1];
  if (!token) return refused('the Authorization header must be "Bearer <access token>"');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, {
      issuer,
      algorithms: [SIGNING_ALGORITHM],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp', 'token_use'],
    }));
  } catch (error) {
    return refused(reasonOf(error, issuer));
  }
  if (payload.token_use !== 'access')
    return refused(`a ${String(payload.token_use)} token is not an access token: send the access_token`);
  if (typeof payload.client_id !== 'string' || !authority.knowsClient(payload.client_id))
    return refused(`the token's client ${String(payload.client_id)} is not an app client here`);
  if (typeof payload.origin_jti === 'string' && authority.revokedSignIns.has(payload.origin_jti))
    return refused('the token was revoked: its sign-in ended (signed out); sign in again');
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  if (!scopes.includes(scope))
    return {
      ok: false,
      reason: `the access token lacks the scope ${scope}`,
      challenge: `Bearer error="insufficient_scope", scope="${scope}"`,
    };
  return { ok: true, claims: asStrings(payload) };
}
