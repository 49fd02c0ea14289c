import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestUserPool, TEST_CLIENT_ID } from '../../test/support/user-pool.js';

// The authorizer reads its issuer when its module loads, as in a Lambda container: the pool
// starts first. MACHINE_OWNERS (test/support/handler-env.ts) maps `machine-client` to `owner-of-imports`.
const pool = await startTestUserPool();
process.env.TOKEN_ISSUER = pool.issuer;
process.env.TOKEN_CLIENT_IDS = `${TEST_CLIENT_ID},machine-client`;
const { handler } = await import('./authorizer.js');
afterAll(() => pool.close());

const METHOD_ARN = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/live/$connect';

function handshake(query: Record<string, string> | null): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: METHOD_ARN,
    queryStringParameters: query,
    requestContext: { requestId: 'handshake-1' },
  } as unknown as APIGatewayRequestAuthorizerEvent;
}

describe('the live authorizer on $connect', () => {
  it("allows a person's token, for that person: the connection's principalId", async () => {
    const token = await pool.accessToken({ sub: 'alice', username: 'alice' });
    expect(await handler(handshake({ token }))).toEqual({
      principalId: 'alice',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }],
      },
      context: { clientId: TEST_CLIENT_ID },
    });
  });

  it('gives a machine client’s connection to the owner it acts for, as the REST API does', async () => {
    const token = await pool.accessToken({ sub: 'machine-client', client_id: 'machine-client' });
    expect((await handler(handshake({ token }))).principalId).toBe('owner-of-imports');
  });

  it.each([
    ['no query at all', async () => null],
    ['no token', async () => ({})],
    ['an expired token', async () => ({ token: await pool.accessToken({}, { expiresInSeconds: -1 }) })],
    ['a forged token', async () => ({ token: await pool.forgedToken() })],
  ])('refuses %s as API Gateway needs it to answer the handshake 401: Unauthorized', async (_, query) => {
    await expect(handler(handshake(await query()))).rejects.toThrow(/^Unauthorized$/);
  });
});
