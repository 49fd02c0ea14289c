import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TodoPage } from '@todolist/sdk/contract';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../src/data/data-folder.js';
import { MACHINE_CLIENT_ID } from '../src/issuer/machine-client.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';
import { signInLocally } from '../src/testing.js';

// A gateway started as `MACHINE_OWNER=ops@example.com npm start`: its machine client's tokens
// act for that person, as the deployed machine client acts for the CDK app's `machineOwner`.
let dataDir: string;
let stack: LocalStack;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-machine-'));
  stack = await startLocalStack({ dataDir, port: 0, throttle: null, machineOwner: 'ops@example.com' });
});

afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function tokenRequest(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${stack.url}/oauth2/token`, { method: 'POST', body: new URLSearchParams(fields), headers });
}

async function machineToken(fields: Record<string, string> = {}): Promise<string> {
  const secret = stack.machineClient?.clientSecret ?? '';
  const response = await tokenRequest(
    { grant_type: 'client_credentials', ...fields },
    { authorization: basic(MACHINE_CLIENT_ID, secret) },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return fetch(`${stack.url}${path}`, { ...init, headers });
}

describe('the local machine client (client-credentials grant)', () => {
  it('keeps its secret in the data folder, mode 0600, and names it in the discovery document', async () => {
    const file = join(dataDir, DATA_FILES.machineSecret);
    expect((await readFile(file, 'utf8')).trim()).toBe(stack.machineClient?.clientSecret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const discovery = (await (await fetch(`${stack.url}/.well-known/openid-configuration`)).json()) as {
      grant_types_supported: string[];
      token_endpoint_auth_methods_supported: string[];
    };
    expect(discovery.grant_types_supported).toContain('client_credentials');
    expect(discovery.token_endpoint_auth_methods_supported).toContain('client_secret_basic');
  });

  it("gets a token whose todos are the named owner's: the owner sees what a script imported", async () => {
    const token = await machineToken();
    expect(decodeJwt(token)).toMatchObject({
      sub: MACHINE_CLIENT_ID,
      client_id: MACHINE_CLIENT_ID,
      token_use: 'access',
      scope: 'todolist/todos.read todolist/todos.write',
    });
    const imported = await api('/v1/todos/batch', token, {
      method: 'POST',
      body: JSON.stringify({ items: [{ title: 'From the nightly import' }] }),
    });
    expect(imported.status).toBe(200);

    const ops = await signInLocally(stack.url, 'OPS@example.com');
    const theirs = (await (await api('/v1/todos', ops.accessToken)).json()) as TodoPage;
    expect(theirs.items.map((todo) => todo.title)).toEqual(['From the nightly import']);
    const someoneElse = await signInLocally(stack.url, 'dev@example.com');
    expect(((await (await api('/v1/todos', someoneElse.accessToken)).json()) as TodoPage).items).toEqual([]);
  });

  it('takes the secret in the form too (client_secret_post), and a narrower scope', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: MACHINE_CLIENT_ID,
      client_secret: stack.machineClient?.clientSecret ?? '',
      scope: 'todolist/todos.read',
    });
    expect(response.status).toBe(200);
    const { access_token: reader } = (await response.json()) as { access_token: string };
    expect((await api('/v1/todos', reader)).status).toBe(200);
    const refused = await api('/v1/todos', reader, { method: 'POST', body: JSON.stringify({ title: 'x' }) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="todolist/todos.write"',
    );
  });

  it('refuses a wrong secret with 401 invalid_client and a Basic challenge', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic(MACHINE_CLIENT_ID, 'not-the-secret') },
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a public client asking for client credentials, and a scope the client may not have', async () => {
    const publicClient = await tokenRequest({ grant_type: 'client_credentials', client_id: 'todolist-cli' });
    expect(publicClient.status).toBe(401);
    const scope = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'openid todolist/todos.read' },
      { authorization: basic(MACHINE_CLIENT_ID, stack.machineClient?.clientSecret ?? '') },
    );
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({
      error: 'invalid_scope',
      error_description: expect.stringMatching(/openid/),
    });
  });
});
