import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** A user pool as the live authorizer meets it: an issuer on loopback publishing its keys, and a signer. */
export interface TestUserPool {
  /** `http://127.0.0.1:<port>/pool`: the tokens' `iss`; its keys at `/.well-known/jwks.json` under it. */
  issuer: string;
  /** An access token as Cognito signs one, with `claims` over its defaults. */
  accessToken(claims?: JWTPayload, options?: { expiresInSeconds?: number; issuer?: string }): Promise<string>;
  /** A token signed with a key this pool never published. */
  forgedToken(claims?: JWTPayload): Promise<string>;
  /** How many times the keys were read. */
  keyReads(): number;
  close(): Promise<void>;
}

/** The client id the test pool's tokens name unless told otherwise. */
export const TEST_CLIENT_ID = 'test-web-client';

/** Starts a user pool of one RS256 key, as Cognito's, on a random loopback port. */
export async function startTestUserPool(): Promise<TestUserPool> {
  const keys = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' }],
  });
  let reads = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === '/pool/.well-known/jwks.json') {
      reads++;
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
  const sign = (
    claims: JWTPayload,
    key: typeof keys.privateKey,
    options: { expiresInSeconds?: number; issuer?: string },
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sub: randomUUID(),
      token_use: 'access',
      client_id: TEST_CLIENT_ID,
      scope: 'openid email todolist/todos.read todolist/todos.write',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(options.issuer ?? issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 600))
      .sign(key);
  };
  return {
    issuer,
    accessToken: (claims = {}, options = {}) => sign(claims, keys.privateKey, options),
    forgedToken: (claims = {}) => sign(claims, other.privateKey, {}),
    keyReads: () => reads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
