import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBLEM_MEDIA_TYPE, Problem, type Todo, type TodoPage } from '@todolist/sdk/contract';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../src/data/data-folder.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';
import { signInLocally } from '../src/testing.js';
import { craftToken, dataFolderKey, pkcePair, strangerKey } from './support/local-tokens.js';

// One stack for the whole file: the handler modules bind to the first stack of a process.
let dataDir: string;
let stack: LocalStack;
let webRedirect: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-sign-in-'));
  stack = await startLocalStack({ dataDir, port: 0, throttle: null });
  webRedirect = `${stack.url}/`;
});

afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function api(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${stack.url}${path}`, { ...init, headers });
}

async function create(title: string, token: string): Promise<Todo> {
  const response = await api('/v1/todos', { method: 'POST', body: JSON.stringify({ title }), token });
  expect(response.status).toBe(201);
  return (await response.json()) as Todo;
}

async function titles(token: string): Promise<string[]> {
  const response = await api('/v1/todos', { token });
  expect(response.status).toBe(200);
  return ((await response.json()) as TodoPage).items.map((todo) => todo.title);
}

/** The sign-in form as the authorize page fills it in for the web client, with some fields changed. */
function loginForm(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code',
    client_id: 'todolist-web',
    redirect_uri: webRedirect,
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    email: 'ada@example.com',
    ...fields,
  });
}

function postLogin(form: URLSearchParams, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.url}/login`, { method: 'POST', body: form, headers, redirect: 'manual' });
}

/** The first half of a sign-in: the sign-in form posted, the code read from the redirect. */
async function authorizationCode(challenge: string): Promise<string> {
  const login = await postLogin(loginForm({ code_challenge: challenge }));
  expect(login.status).toBe(302);
  return new URL(login.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

function tokenRequest(fields: Record<string, string>): Promise<Response> {
  return fetch(`${stack.url}/oauth2/token`, { method: 'POST', body: new URLSearchParams(fields) });
}

describe('signed-in users', () => {
  it("each see only their own todos; the other one's is a 404 to read, change or delete", async () => {
    const ada = await signInLocally(stack.url, 'ada@example.com');
    const bob = await signInLocally(stack.url, 'bob@example.com', { clientId: 'todolist-cli' });
    expect(ada.sub).not.toBe(bob.sub);
    const adas = await create('Ada: write the notes', ada.accessToken);
    await create('Bob: fix the bike', bob.accessToken);

    expect(await titles(ada.accessToken)).toEqual(['Ada: write the notes']);
    expect(await titles(bob.accessToken)).toEqual(['Bob: fix the bike']);
    const asBob = { token: bob.accessToken };
    expect((await api(`/v1/todos/${adas.id}`, asBob)).status).toBe(404);
    const patch = { method: 'PATCH', body: JSON.stringify({ completed: true }), ...asBob };
    expect((await api(`/v1/todos/${adas.id}`, patch)).status).toBe(404);
    expect((await api(`/v1/todos/${adas.id}`, { method: 'DELETE', ...asBob })).status).toBe(404);
    expect((await api(`/v1/todos/${adas.id}`, { token: ada.accessToken })).status).toBe(200);
  });

  it("keep their subject across sign-ins and clients, whatever the e-mail's case", async () => {
    const first = await signInLocally(stack.url, 'carol@example.com');
    const again = await signInLocally(stack.url, ' Carol@Example.COM ', { clientId: 'todolist-cli' });
    expect(again.sub).toBe(first.sub);
    expect(decodeJwt(first.idToken)).toMatchObject({
      token_use: 'id',
      aud: 'todolist-web',
      email: 'carol@example.com',
    });
  });

  it.each(['bearer', 'BEARER', 'Bearer  '])(
    'takes the auth scheme in any case and after several spaces ("%s <token>"), as RFC 9110 has it',
    async (scheme) => {
      const { accessToken } = await signInLocally(stack.url, 'scheme@example.com');
      const response = await fetch(`${stack.url}/v1/todos`, {
        headers: { authorization: `${scheme} ${accessToken}` },
      });
      expect(response.status).toBe(200);
    },
  );

  it.each([
    ['list', 'GET', '/v1/todos'],
    ['create', 'POST', '/v1/todos'],
    ['import', 'POST', '/v1/todos/batch'],
    ['read', 'GET', '/v1/todos/01JB0000000000000000000000'],
    ['change', 'PATCH', '/v1/todos/01JB0000000000000000000000'],
    ['delete', 'DELETE', '/v1/todos/01JB0000000000000000000000'],
  ])(
    'a request to %s with no Authorization header is a 401 with a bare Bearer challenge',
    async (_name, method, path) => {
      const origin = `http://localhost:${new URL(stack.url).port}`;
      const body = path.endsWith('batch')
        ? { items: [{ title: 'never stored' }] }
        : { title: 'never stored' };
      const response = await fetch(`${stack.url}${path}`, {
        method,
        headers: { origin, 'content-type': 'application/json' },
        ...(method === 'POST' || method === 'PATCH' ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
      // RFC 6750 §3.1: no error code when the request carried no credentials at all.
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(Problem.parse(await response.json())).toMatchObject({
        code: 'unauthorized',
        detail: expect.stringMatching(/sign in first/),
      });
    },
  );

  it('the OpenAPI document stays public, whatever the Authorization header says', async () => {
    expect((await api('/v1/openapi.json', { token: 'not.a.token' })).status).toBe(200);
  });
});

describe('the API refuses a bearer token that is not a valid access token', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    sub: 'crafted-user',
    token_use: 'access',
    client_id: 'todolist-web',
    scope: 'openid todolist/todos.read todolist/todos.write',
    iss: stack.issuer,
    iat: now(),
    exp: now() + 3600,
    ...extra,
  });
  const withKey = async (extra: Record<string, unknown>) =>
    craftToken(claims(extra), (await dataFolderKey(dataDir)).key);

  it("but takes one crafted with the data folder's key and the right claims (the cases below differ in one thing)", async () => {
    const token = await withKey({});
    expect((await api('/v1/todos', { token })).status).toBe(200);
  });

  const cases: [string, () => Promise<{ authorization: string; method?: string }>, RegExp][] = [
    [
      'an expired one',
      async () => ({ authorization: `Bearer ${await withKey({ iat: now() - 7200, exp: now() - 60 })}` }),
      /expired/,
    ],
    [
      'a tampered one (another sub in the payload, the signature kept)',
      async () => {
        const [header, , signature] = (await signInLocally(stack.url, 'eve@example.com')).accessToken.split(
          '.',
        );
        const payload = Buffer.from(JSON.stringify(claims({ sub: 'someone-else' }))).toString('base64url');
        return { authorization: `Bearer ${header}.${payload}.${signature}` };
      },
      /signature does not verify/,
    ],
    [
      'one signed by another key',
      async () => ({ authorization: `Bearer ${await craftToken(claims(), await strangerKey())}` }),
      /signature does not verify/,
    ],
    [
      'one from another issuer',
      async () => ({
        authorization: `Bearer ${await withKey({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/x' })}`,
      }),
      /not issued by http:\/\/localhost:\d+\/auth/,
    ],
    [
      'an id token',
      async () => ({
        authorization: `Bearer ${(await signInLocally(stack.url, 'eve@example.com')).idToken}`,
      }),
      /id token is not an access token/,
    ],
    [
      'one for another audience: a client this user pool does not have',
      async () => ({ authorization: `Bearer ${await withKey({ client_id: 'stranger' })}` }),
      /client stranger is not an app client/,
    ],
    [
      'one without the scope the method needs (todos.write to create)',
      async () => {
        const reader = await signInLocally(stack.url, 'eve@example.com', {
          scope: 'openid todolist/todos.read',
        });
        expect((await api('/v1/todos', { token: reader.accessToken })).status).toBe(200);
        return { authorization: `Bearer ${reader.accessToken}`, method: 'POST' };
      },
      /lacks the scope todolist\/todos\.write/,
    ],
    [
      'a malformed Authorization header',
      async () => ({ authorization: 'Basic YWRhOnNlY3JldA==' }),
      /must be "Bearer <access token>"/,
    ],
  ];

  it.each(cases)(
    '%s: 401 unauthorized as problem details, with WWW-Authenticate and CORS',
    async (_name, make, detail) => {
      const { authorization, method = 'GET' } = await make();
      const origin = `http://localhost:${new URL(stack.url).port}`;
      const response = await fetch(`${stack.url}/v1/todos`, {
        method,
        headers: { authorization, origin, 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify({ title: 'never stored' }) } : {}),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
      // RFC 6750 §3.1: a token without the scope is insufficient_scope, naming the scope needed.
      expect(response.headers.get('www-authenticate')).toBe(
        /lacks the scope/.test(detail.source)
          ? 'Bearer error="insufficient_scope", scope="todolist/todos.write"'
          : 'Bearer error="invalid_token"',
      );
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      const problem = Problem.parse(await response.json());
      expect(problem.code).toBe('unauthorized');
      expect(problem.detail).toMatch(detail);
    },
  );
});

describe('the authorize endpoint', () => {
  const authorize = (params: Record<string, string>) =>
    fetch(`${stack.url}/oauth2/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
  const valid = () => ({
    response_type: 'code',
    client_id: 'todolist-web',
    redirect_uri: webRedirect,
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
  });

  it('shows a sign-in form with no inline script or style, under a CSP that allows the redirect', async () => {
    const response = await authorize({
      ...valid(),
      client_id: 'todolist-cli',
      redirect_uri: 'http://127.0.0.1:4711/callback',
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<input id="email" name="email" type="email"');
    expect(html).not.toMatch(/<script|<style|style=/);
    expect(response.headers.get('content-security-policy')).toContain(
      "form-action 'self' http://127.0.0.1:4711",
    );
    const css = await fetch(`${stack.url}/oauth2/sign-in.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    ['an unknown client', { client_id: 'stranger' }],
    ['a redirect_uri foreign to the client', { redirect_uri: 'https://evil.example/callback' }],
    [
      "the CLI's loopback redirect asked by the web client on another port",
      { redirect_uri: 'http://127.0.0.1:1/callback' },
    ],
    ['no code_challenge', { code_challenge: '' }],
    ['a plain PKCE method', { code_challenge_method: 'plain' }],
  ])('refuses %s with a 400 page, never a redirect', async (_name, change) => {
    const response = await authorize({ ...valid(), ...change });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('the sign-in form', () => {
  it("refuses a post from another site's page (login CSRF) with a 400 page, never a redirect", async () => {
    const response = await postLogin(loginForm({}), { origin: 'https://evil.example' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('takes a post whose origin the browser hid (null) only when Fetch Metadata says it came from this gateway', async () => {
    const hidden = await postLogin(loginForm({}), { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(hidden.status).toBe(302);
    const crossSite = await postLogin(loginForm({}), { origin: 'null', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(400);
    expect(crossSite.headers.get('location')).toBeNull();
  });

  it('serves the sign-in page with Referrer-Policy same-origin, so a browser posts the form with its origin', async () => {
    const page = await fetch(
      `${stack.url}/oauth2/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: 'todolist-web',
        redirect_uri: webRedirect,
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      })}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('shows the form again for an address that is not an e-mail address', async () => {
    const response = await postLogin(loginForm({ email: 'not an address' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('name="email"');
  });
});

describe('the token endpoint', () => {
  it('answers a form too large with a 400, on a connection still open, not a reset', async () => {
    const response = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: 'x'.repeat(64 * 1024),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('takes a code once: the second time is invalid_grant', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await authorizationCode(challenge);
    const fields = {
      grant_type: 'authorization_code',
      client_id: 'todolist-web',
      code,
      redirect_uri: webRedirect,
      code_verifier: verifier,
    };
    const first = await tokenRequest(fields);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const second = await tokenRequest(fields);
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code_verifier that does not match the challenge', async () => {
    const code = await authorizationCode(pkcePair().challenge);
    const response = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'todolist-web',
      code,
      redirect_uri: webRedirect,
      code_verifier: pkcePair().verifier,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('gives a new access token for the same user for a refresh token', async () => {
    const signIn = await signInLocally(stack.url, 'fay@example.com');
    const response = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'todolist-web',
      refresh_token: signIn.refreshToken,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; refresh_token?: string };
    expect(body.refresh_token).toBeUndefined();
    expect(decodeJwt(body.access_token).sub).toBe(signIn.sub);
    expect((await api('/v1/todos', { token: body.access_token })).status).toBe(200);
  });

  it.each([
    [
      'an unknown client',
      { grant_type: 'refresh_token', client_id: 'stranger', refresh_token: 'x' },
      'invalid_client',
    ],
    ['another grant type', { grant_type: 'password', client_id: 'todolist-web' }, 'unsupported_grant_type'],
    ['no grant type', { client_id: 'todolist-web' }, 'invalid_request'],
  ])('answers %s with %s', async (_name, fields, error) => {
    const response = await tokenRequest(fields as Record<string, string>);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error });
  });
});

describe('the revocation endpoint (as Cognito: signing out ends the whole sign-in)', () => {
  const revoke = (fields: Record<string, string>) =>
    fetch(`${stack.url}/oauth2/revoke`, { method: 'POST', body: new URLSearchParams(fields) });
  const refresh = (refreshToken: string, clientId = 'todolist-web') =>
    tokenRequest({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });

  it("stops the refresh token and every access token of that sign-in, not the person's other sign-ins", async () => {
    const laptop = await signInLocally(stack.url, 'rev@example.com');
    const phone = await signInLocally(stack.url, 'rev@example.com');
    const refreshed = ((await (await refresh(laptop.refreshToken)).json()) as { access_token: string })
      .access_token;

    const revoked = await revoke({ token: laptop.refreshToken, client_id: 'todolist-web' });
    expect(revoked.status).toBe(200);

    expect(await (await refresh(laptop.refreshToken)).json()).toMatchObject({ error: 'invalid_grant' });
    for (const token of [laptop.accessToken, refreshed]) {
      const refused = await api('/v1/todos', { token });
      expect(refused.status).toBe(401);
      expect(Problem.parse(await refused.json()).detail).toMatch(/revoked/);
    }
    expect((await api('/v1/todos', { token: phone.accessToken })).status).toBe(200);
    expect((await refresh(phone.refreshToken)).status).toBe(200);
  });

  it("refuses to revoke another client's token, which keeps working", async () => {
    const cli = await signInLocally(stack.url, 'rev2@example.com', { clientId: 'todolist-cli' });
    const wrong = await revoke({ token: cli.refreshToken, client_id: 'todolist-web' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'unauthorized_client' });
    expect((await refresh(cli.refreshToken, 'todolist-cli')).status).toBe(200);
  });

  it('answers 200 for a token it does not know (signing out twice is fine), 401 for an unknown client', async () => {
    expect((await revoke({ token: 'never-issued', client_id: 'todolist-web' })).status).toBe(200);
    const stranger = await revoke({ token: 'never-issued', client_id: 'stranger' });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ error: 'invalid_client' });
    expect((await revoke({ client_id: 'todolist-web' })).status).toBe(400);
  });
});

describe('the signing key and discovery', () => {
  it('keeps the private key in the data folder, mode 0600, and serves its public half as the JWKS', async () => {
    expect((await stat(join(dataDir, DATA_FILES.signingKey))).mode & 0o777).toBe(0o600);
    const { jwk } = await dataFolderKey(dataDir);
    const jwks = (await (await fetch(`${stack.url}/.well-known/jwks.json`)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kid: jwk.kid, x: jwk.x, y: jwk.y, alg: 'ES256' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { accessToken } = await signInLocally(stack.url, 'gus@example.com');
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks as never), {
      issuer: stack.issuer,
    });
    expect(payload).toMatchObject({ token_use: 'access', client_id: 'todolist-web', username: payload.sub });
  });

  it('describes itself at /.well-known/openid-configuration', async () => {
    const config = await (await fetch(`${stack.url}/.well-known/openid-configuration`)).json();
    expect(config).toMatchObject({
      issuer: stack.issuer,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: expect.arrayContaining(['todolist/todos.read', 'todolist/todos.write']),
    });
  });

  it('logs out to an allowed logout_uri, and refuses a foreign one', async () => {
    const logout = (uri: string) =>
      fetch(`${stack.url}/logout?${new URLSearchParams({ client_id: 'todolist-web', logout_uri: uri })}`, {
        redirect: 'manual',
      });
    expect((await logout(webRedirect)).headers.get('location')).toBe(webRedirect);
    expect((await logout('https://evil.example/')).status).toBe(400);
  });
});
