import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import type { DataFolder } from '../data/data-folder.js';

/** The algorithm of the local user pool's tokens: ES256, small keys and signatures. */
export const SIGNING_ALGORITHM = 'ES256';

/** The key pair the local user pool signs its tokens with. */
export interface SigningKey {
  /** The key id: the public key's JWK thumbprint, in every token's header and in the JWKS. */
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half only, as the JWKS serves it. */
  publicJwk: JWK;
}

async function fromPrivateJwk(privateJwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  return {
    kid,
    privateKey: (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
  };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const { d: _private, ...publicJwk } = jwk;
  return { ...jwk, kid: await calculateJwkThumbprint(publicJwk), alg: SIGNING_ALGORITHM, use: 'sig' };
}

/**
 * The signing key: read from the data folder's `auth-signing-key.json`, or made and written there
 * (mode 0600, the private JWK) on first start, so tokens and subjects outlive a restart. With no
 * data folder (tests) the key lives in memory only.
 */
export async function loadSigningKey(folder: DataFolder | null): Promise<SigningKey> {
  if (!folder) return fromPrivateJwk(await newPrivateJwk());
  const text = await folder.read('signingKey');
  if (text === undefined) {
    const jwk = await newPrivateJwk();
    // Exclusive: never overwrite a key another start wrote meanwhile; the data folder lock makes that rare.
    await folder.write('signingKey', `${JSON.stringify(jwk, null, 2)}\n`, { exclusive: true });
    return fromPrivateJwk(jwk);
  }
  try {
    return await fromPrivateJwk(JSON.parse(text) as JWK);
  } catch (error) {
    throw new Error(
      `${folder.path('signingKey')} is not an ES256 private JWK: delete it to make a new key (everyone signs in again)`,
      { cause: error },
    );
  }
}
