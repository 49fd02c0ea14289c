import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';

// `npm run smoke -- <base URL>`, the conformance checks any deployment is held to, against the
// local gateway: what holds here is what the README says to check after `npm run deploy`.

const smoke = fileURLToPath(new URL('../../../tools/smoke/smoke.mjs', import.meta.url));
const run = promisify(execFile);

let stack: LocalStack;
let origin: string;

beforeAll(async () => {
  stack = await startLocalStack({
    dataDir: null,
    port: 0,
    throttle: null,
    machineOwner: 'smoke@example.test',
  });
  origin = `http://localhost:${stack.gateway.port}`;
});
afterAll(() => stack?.close());

/** Runs the smoke script with only `env` (and PATH); answers its exit code and output. */
async function runSmoke(args: string[], env: Record<string, string>) {
  return run(process.execPath, [smoke, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe('npm run smoke', () => {
  it("passes every check against the local gateway with a person's token", async () => {
    const { accessToken } = await signInLocally(stack.url, 'smoker@example.test');
    const result = await runSmoke([stack.url, '--origin', origin], { TODO_TOKEN: accessToken });
    expect(result.stdout).not.toContain('FAIL');
    expect(result.stdout).toContain(`all checks hold at ${stack.url}`);
    expect(result.stdout.match(/^ok {4}/gm)).toHaveLength(9);
    expect(result.code).toBe(0);
  });

  it('passes with a client-credentials pair instead of a token', async () => {
    const client = stack.machineClient;
    if (!client) throw new Error('the stack has no machine client');
    const result = await runSmoke([stack.url, '--origin', origin], {
      TODO_CLIENT_ID: client.clientId,
      TODO_CLIENT_SECRET: client.clientSecret,
      TODO_AUTH_URL: stack.url,
    });
    expect(result.stdout).toContain('all checks hold');
    expect(result.code).toBe(0);
  });

  it('fails, exit 1, naming each check that does not hold: here, with a token the API refuses', async () => {
    const result = await runSmoke([stack.url, '--origin', origin], { TODO_TOKEN: 'not.a.token' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL {2}POST \/v1\/todos creates a todo: 201 with Location and ETag "1": answered 401/m,
    );
    expect(result.stdout).toMatch(/^ok {4}GET \/v1\/health/m);
  });

  it('says how to use it, exit 2, without a URL or credentials', async () => {
    expect((await runSmoke([], { TODO_TOKEN: 'x' })).code).toBe(2);
    expect((await runSmoke([stack.url], {})).code).toBe(2);
  });
});
