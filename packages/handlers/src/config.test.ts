import { describe, expect, it } from 'vitest';
import { ConfigError, handlerEnvironment, loadCursorSigningKey, readConfig } from './config.js';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:todolist/cursor-signing-key-AbCdEf';
const base = { TABLE_NAME: 'todos' };

describe('the cursor signing key', () => {
  it('is taken from CURSOR_SIGNING_KEY when it is set, even beside a secret ARN', () => {
    const config = readConfig({
      ...base,
      CURSOR_SIGNING_KEY: 'k1',
      CURSOR_SIGNING_KEY_SECRET_ARN: SECRET_ARN,
    });
    expect(config.cursorSigningKey).toEqual({ key: 'k1' });
  });

  it('is read from Secrets Manager when only CURSOR_SIGNING_KEY_SECRET_ARN is set', () => {
    const config = readConfig({ ...base, CURSOR_SIGNING_KEY_SECRET_ARN: ` ${SECRET_ARN} ` });
    expect(config.cursorSigningKey).toEqual({ secretArn: SECRET_ARN });
  });

  it('is absent when neither is set (a function that never lists), and asking for it then names both variables', async () => {
    const config = readConfig(base);
    expect(config.cursorSigningKey).toBeUndefined();
    const read = async () => 'never asked';
    await expect(loadCursorSigningKey(config.cursorSigningKey, read)).rejects.toThrow(ConfigError);
    await expect(loadCursorSigningKey(config.cursorSigningKey, read)).rejects.toThrow(
      /CURSOR_SIGNING_KEY nor CURSOR_SIGNING_KEY_SECRET_ARN/,
    );
  });

  it('given directly, is used without reading any secret', async () => {
    const read = async () => {
      throw new Error('no secret should be read');
    };
    await expect(loadCursorSigningKey({ key: 'direct' }, read)).resolves.toBe('direct');
  });

  it('from a secret, is the secret value read once by its ARN', async () => {
    const reads: string[] = [];
    const key = await loadCursorSigningKey({ secretArn: SECRET_ARN }, async (arn) => {
      reads.push(arn);
      return 'from-secrets-manager';
    });
    expect(key).toBe('from-secrets-manager');
    expect(reads).toEqual([SECRET_ARN]);
  });

  it.each([
    ['missing', undefined],
    ['empty', '  '],
    ['binary', new Uint8Array([1, 2, 3])],
  ])('from a %s secret, fails the cold start naming the secret', async (_, value) => {
    const loading = loadCursorSigningKey({ secretArn: SECRET_ARN }, async () => value);
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loadCursorSigningKey({ secretArn: SECRET_ARN }, async () => value)).rejects.toThrow(
      SECRET_ARN,
    );
  });
});

describe('MACHINE_OWNERS', () => {
  const withKey = { ...base, CURSOR_SIGNING_KEY: 'k' };

  it('maps machine client ids to the owners their tokens act for', () => {
    const config = readConfig({ ...withKey, MACHINE_OWNERS: '{"abc123":"alice","def456":"bob"}' });
    expect([...config.machineOwners]).toEqual([
      ['abc123', 'alice'],
      ['def456', 'bob'],
    ]);
  });

  it('is empty when unset or blank', () => {
    expect(readConfig(withKey).machineOwners.size).toBe(0);
    expect(readConfig({ ...withKey, MACHINE_OWNERS: ' ' }).machineOwners.size).toBe(0);
  });

  it.each([
    ['not JSON', '{abc:alice}'],
    ['an array', '["alice"]'],
    ['an empty owner', '{"abc":""}'],
    ['an owner that is not text', '{"abc":7}'],
  ])('stops the cold start when it is %s', (_, value) => {
    expect(() => readConfig({ ...withKey, MACHINE_OWNERS: value })).toThrow(
      /MACHINE_OWNERS must be a JSON object/,
    );
  });
});

describe('handlerEnvironment', () => {
  it('is what readConfig reads back, for every setting', () => {
    const settings = {
      tableName: 'todos',
      cursorSigningKey: { secretArn: SECRET_ARN },
      dynamodbEndpoint: 'http://127.0.0.1:4567',
      machineOwners: new Map([['machine-client', 'owner-sub']]),
      allowedOrigins: ['https://app.todolist.com', 'http://localhost:3000'],
      accessTokens: {
        issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
        clientIds: ['web-client', 'cli-client'],
      },
      liveCallbackUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/live',
    };
    expect(readConfig(handlerEnvironment(settings))).toEqual(settings);
    const direct = { tableName: 't', cursorSigningKey: { key: 'k' } };
    expect(readConfig(handlerEnvironment(direct))).toEqual({
      ...direct,
      dynamodbEndpoint: undefined,
      machineOwners: new Map(),
      allowedOrigins: [],
      accessTokens: undefined,
      liveCallbackUrl: undefined,
    });
  });

  it('leaves out the settings left at their defaults', () => {
    expect(handlerEnvironment({ tableName: 't', cursorSigningKey: { key: 'k' } })).toEqual({
      TABLE_NAME: 't',
      CURSOR_SIGNING_KEY: 'k',
    });
  });
});

describe("the live authorizer's issuer", () => {
  it('takes TOKEN_ISSUER without a trailing slash, and TOKEN_CLIENT_IDS as a list', () => {
    const config = readConfig({
      ...base,
      TOKEN_ISSUER: 'https://issuer.example/pool/',
      TOKEN_CLIENT_IDS: 'a, b',
    });
    expect(config.accessTokens).toEqual({ issuer: 'https://issuer.example/pool', clientIds: ['a', 'b'] });
  });

  it.each([
    ['an issuer without clients', { TOKEN_ISSUER: 'https://issuer.example' }],
    ['clients without an issuer', { TOKEN_CLIENT_IDS: 'a' }],
  ])('stops the cold start when given %s', (_, env) => {
    expect(() => readConfig({ ...base, ...env })).toThrow(/TOKEN_ISSUER and TOKEN_CLIENT_IDS go together/);
  });
});
