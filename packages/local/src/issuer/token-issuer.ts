import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { SIGNING_ALGORITHM, type SigningKey } from './signing-key.js';

/** Access and id tokens live an hour, as Cognito's default. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Who signed in, to which client, with what scope: what every token of a sign-in carries. */
export interface SignInGrant {
  sub: string;
  email: string;
  clientId: string;
  /** Space-separated, as in the token's `scope` claim. */
  scope: string;
  /** When the user signed in (seconds since the epoch): `auth_time`, kept across refreshes. */
  authTime: number;
  /**
   * The sign-in's id, as Cognito's `origin_jti`: every token of the sign-in, refreshed ones too,
   * carries it, so revoking the refresh token revokes them all.
   */
  originJti: string;
}

/** The tokens of a token endpoint answer, besides the refresh token. */
export interface IssuedTokens {
  accessToken: string;
  idToken: string;
  expiresIn: number;
}

function signed(claims: Record<string, unknown>, key: SigningKey, issuer: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/**
 * Signs an access token and an id token with the claims Cognito puts in them, so the API
 * reads the same claims locally as on AWS. `username` is the `sub`, as in a user pool that signs
 * in by e-mail.
 */
export async function issueTokens(
  grant: SignInGrant,
  key: SigningKey,
  issuer: string,
): Promise<IssuedTokens> {
  const common = { sub: grant.sub, auth_time: grant.authTime, origin_jti: grant.originJti };
  const accessToken = await signed(
    { ...common, token_use: 'access', client_id: grant.clientId, scope: grant.scope, username: grant.sub },
    key,
    issuer,
  );
  const idToken = await signed(
    {
      ...common,
      token_use: 'id',
      aud: grant.clientId,
      email: grant.email,
      email_verified: true,
      'cognito:username': grant.sub,
    },
    key,
    issuer,
  );
  return { accessToken, idToken, expiresIn: TOKEN_LIFETIME_SECONDS };
}

/**
 * Signs a client-credentials access token as Cognito does: no user, so its `sub` is the client
 * id, and no id token or refresh token come with it.
 */
export function issueMachineToken(
  clientId: string,
  scope: string,
  key: SigningKey,
  issuer: string,
): Promise<string> {
  return signed({ sub: clientId, token_use: 'access', client_id: clientId, scope }, key, issuer);
}
