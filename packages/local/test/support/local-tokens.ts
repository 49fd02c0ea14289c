import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CryptoKey, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { DATA_FILES } from '../../src/data/data-folder.js';
import { s256 } from '../../src/issuer/pkce.js';

/** The private signing key a local stack keeps in its data folder. */
export async function dataFolderKey(dataDir: string): Promise<{ jwk: JWK; key: CryptoKey }> {
  const jwk = JSON.parse(await readFile(join(dataDir, DATA_FILES.signingKey), 'utf8')) as JWK;
  return { jwk, key: (await importJWK(jwk, 'ES256')) as CryptoKey };
}

/** A key the gateway has never seen. */
export async function strangerKey(): Promise<CryptoKey> {
  return (await generateKeyPair('ES256')).privateKey;
}

/** Signs claims as a token of the local user pool would be, with whatever key and claims a test needs. */
export function craftToken(claims: JWTPayload, key: CryptoKey, kid = 'test'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(key);
}

/** A PKCE pair: a fresh verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}
