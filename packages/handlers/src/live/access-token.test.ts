import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestUserPool, TEST_CLIENT_ID, type TestUserPool } from '../../test/support/user-pool.js';
import { accessTokenVerifier } from './access-token.js';

let pool: TestUserPool;
let verify: ReturnType<typeof accessTokenVerifier>;

beforeAll(async () => {
  pool = await startTestUserPool();
  verify = accessTokenVerifier(
    { issuer: pool.issuer, clientIds: [TEST_CLIENT_ID, 'cli'] },
    'todolist/todos.read',
  );
});
afterAll(() => pool.close());

describe("a live connection's access token", () => {
  it('is taken when the user pool signed it for one of its clients with the read scope: its claims say who', async () => {
    const check = await verify(await pool.accessToken({ sub: 'alice', client_id: 'cli' }));
    expect(check).toEqual({ ok: true, claims: expect.objectContaining({ sub: 'alice', client_id: 'cli' }) });
  });

  it('reads the keys once, not for every connection', async () => {
    const before = pool.keyReads();
    for (let i = 0; i < 3; i++) expect((await verify(await pool.accessToken())).ok).toBe(true);
    expect(pool.keyReads() - before).toBeLessThanOrEqual(1);
  });

  it.each([
    ['no token at all', async () => undefined, /\?token=/],
    ['an expired token', () => pool.accessToken({}, { expiresInSeconds: -60 }), /expired/],
    [
      'a token of another issuer',
      () => pool.accessToken({}, { issuer: 'https://elsewhere.example' }),
      /not issued by/,
    ],
    ['a token signed with a key the pool never published', () => pool.forgedToken(), /signature/],
    ['an id token', () => pool.accessToken({ token_use: 'id' }), /not an access token/],
    ['a token of another app client', () => pool.accessToken({ client_id: 'stranger' }), /client stranger/],
    [
      'a token without todolist/todos.read',
      () => pool.accessToken({ scope: 'openid email' }),
      /lacks the scope/,
    ],
    ['text that is no JWT', async () => 'not-a-token', /well-formed/],
  ])('is refused when it is %s, saying why', async (_, token, reason) => {
    const check = await verify(await token());
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(reason);
  });

  it("cannot be checked while the pool's keys cannot be read: that is an error, not a refusal", async () => {
    const down = accessTokenVerifier({ issuer: 'http://127.0.0.1:9/pool', clientIds: [TEST_CLIENT_ID] }, 'x');
    await expect(down(await pool.accessToken())).rejects.toThrow();
  });
});
