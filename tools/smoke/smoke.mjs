#!/usr/bin/env node
// `npm run smoke -- <base URL>`: the API's conformance checks against any deployment (the local
// gateway, or the API `npm run deploy` made), over plain HTTP as any client would: the health
// check, the OpenAPI document, 401 without a token, a todo's whole life (create, read, list,
// change, a stale change refused, delete), errors as problem+json, and CORS on the gateway's own
// errors. It makes one todo and deletes it again. Exit 0 when every check holds, 1 otherwise,
// 2 for a usage error.
//
// A token comes from TODO_TOKEN (`todo auth token` prints one), or from a client-credentials
// pair: TODO_CLIENT_ID and TODO_CLIENT_SECRET, with TODO_AUTH_URL (the sign-in's base URL; the
// API's own for the local gateway). --origin <origin> names a browser origin the API allows
// (the page's, or http://localhost:<port> locally; the API's own origin when not given).
import { parseArgs } from 'node:util';

const PROBLEM = 'application/problem+json';

function usage(message) {
  process.stderr.write(
    `smoke: ${message}\nusage: npm run smoke -- <base URL> [--origin <origin>]   (TODO_TOKEN, or TODO_CLIENT_ID + TODO_CLIENT_SECRET + TODO_AUTH_URL)\n`,
  );
  process.exit(2);
}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { origin: { type: 'string' } } });
  } catch (error) {
    usage(error.message);
  }
  const [base] = parsed.positionals;
  if (!base) usage('give the API base URL, without /v1');
  let url;
  try {
    url = new URL(base);
  } catch {
    usage(`${base} is not a URL`);
  }
  return { base: url.href.replace(/\/+$/, ''), origin: parsed.values.origin ?? url.origin };
}

/** An access token: TODO_TOKEN, or one from the client-credentials grant. */
async function accessToken() {
  const {
    TODO_TOKEN: token,
    TODO_CLIENT_ID: id,
    TODO_CLIENT_SECRET: secret,
    TODO_AUTH_URL: authUrl,
  } = process.env;
  if (token) return token;
  if (!id || !secret || !authUrl)
    usage('set TODO_TOKEN, or TODO_CLIENT_ID, TODO_CLIENT_SECRET and TODO_AUTH_URL');
  const response = await fetch(new URL('/oauth2/token', authUrl), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  if (!response.ok)
    usage(`the token endpoint refused the client (${response.status}): ${await response.text()}`);
  return (await response.json()).access_token;
}

/** One HTTP exchange: its status, headers and body (parsed when JSON). */
async function call(base, method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Throws with `what` unless `condition`: the check's failure reason. */
function expect(condition, what) {
  if (!condition) throw new Error(what);
}

function expectProblem(answer, status, code) {
  expect(answer.status === status, `answered ${answer.status}, not ${status}: ${answer.text.slice(0, 200)}`);
  expect(
    answer.headers.get('content-type')?.startsWith(PROBLEM),
    `Content-Type ${answer.headers.get('content-type')}, not ${PROBLEM}`,
  );
  expect(answer.json?.code === code, `code ${answer.json?.code}, not ${code}`);
}

function checks({ base, origin }, token) {
  const todo = {};
  return [
    [
      'GET /v1/health answers 200 {"status":"ok"} with no token',
      async () => {
        const answer = await call(base, 'GET', '/v1/health');
        expect(
          answer.status === 200 && answer.json?.status === 'ok',
          `answered ${answer.status}: ${answer.text}`,
        );
      },
    ],
    [
      'GET /v1/openapi.json is an OpenAPI 3.1 document with every route',
      async () => {
        const answer = await call(base, 'GET', '/v1/openapi.json');
        expect(answer.status === 200, `answered ${answer.status}`);
        expect(/^3\.1\./.test(answer.json?.openapi ?? ''), `openapi is ${answer.json?.openapi}`);
        for (const path of ['/v1/todos', '/v1/todos/{id}', '/v1/health'])
          expect(answer.json.paths?.[path], `no ${path} in the document`);
      },
    ],
    [
      'GET /v1/todos without a token is a 401 problem with a Bearer challenge, readable by an allowed origin',
      async () => {
        const answer = await call(base, 'GET', '/v1/todos', { headers: { origin } });
        expectProblem(answer, 401, 'unauthorized');
        expect(/^Bearer\b/.test(answer.headers.get('www-authenticate') ?? ''), 'no WWW-Authenticate: Bearer');
        expect(answer.headers.get('access-control-allow-origin') === origin, `no CORS for ${origin}`);
      },
    ],
    [
      'an unknown route is a 4xx problem, readable by an allowed origin',
      async () => {
        const answer = await call(base, 'GET', '/v1/no-such-route', { token, headers: { origin } });
        expect(answer.status >= 400 && answer.status < 500, `answered ${answer.status}`);
        expect(answer.headers.get('content-type')?.startsWith(PROBLEM), 'not problem+json');
        expect(answer.headers.get('access-control-allow-origin') === origin, `no CORS for ${origin}`);
      },
    ],
    [
      'POST /v1/todos creates a todo: 201 with Location and ETag "1"',
      async () => {
        const key = crypto.randomUUID();
        const input = { title: `smoke ${key}`, tags: ['smoke'] };
        const answer = await call(base, 'POST', '/v1/todos', {
          token,
          body: input,
          headers: { 'idempotency-key': key },
        });
        expect(answer.status === 201, `answered ${answer.status}: ${answer.text}`);
        expect(answer.headers.get('etag') === '"1"', `ETag ${answer.headers.get('etag')}`);
        expect(answer.headers.get('location') === `/v1/todos/${answer.json.id}`, 'no Location');
        Object.assign(todo, answer.json);
        const again = await call(base, 'POST', '/v1/todos', {
          token,
          body: input,
          headers: { 'idempotency-key': key },
        });
        expect(again.json?.id === todo.id, 'the same Idempotency-Key created a second todo');
      },
    ],
    [
      'GET /v1/todos/{id} reads it, and the list holds it',
      async () => {
        const answer = await call(base, 'GET', `/v1/todos/${todo.id}`, { token });
        expect(answer.status === 200 && answer.json?.title === todo.title, `answered ${answer.status}`);
        const page = await call(base, 'GET', '/v1/todos?tag=smoke&limit=100', { token });
        expect(page.status === 200 && Array.isArray(page.json?.items), `list answered ${page.status}`);
        expect(
          page.json.items.some((item) => item.id === todo.id),
          'the list lacks the todo',
        );
      },
    ],
    [
      'PATCH with If-Match "1" completes it (version 2); a stale If-Match is a 412 problem',
      async () => {
        const body = { completed: true };
        const answer = await call(base, 'PATCH', `/v1/todos/${todo.id}`, {
          token,
          body,
          headers: { 'if-match': '"1"' },
        });
        expect(
          answer.status === 200 && answer.json?.version === 2,
          `answered ${answer.status}: ${answer.text}`,
        );
        const stale = await call(base, 'PATCH', `/v1/todos/${todo.id}`, {
          token,
          body,
          headers: { 'if-match': '"1"' },
        });
        expectProblem(stale, 412, 'precondition_failed');
      },
    ],
    [
      'a bad body is a 422 validation problem, and broken JSON a 400',
      async () => {
        expectProblem(
          await call(base, 'POST', '/v1/todos', { token, body: { titel: 'typo' } }),
          422,
          'validation_failed',
        );
        expectProblem(
          await call(base, 'POST', '/v1/todos', { token, body: '{"title":' }),
          400,
          'malformed_json',
        );
      },
    ],
    [
      'DELETE answers 204, and the todo is then a 404 problem',
      async () => {
        const answer = await call(base, 'DELETE', `/v1/todos/${todo.id}`, { token });
        expect(answer.status === 204, `answered ${answer.status}`);
        expectProblem(await call(base, 'GET', `/v1/todos/${todo.id}`, { token }), 404, 'not_found');
      },
    ],
  ];
}

const options = readOptions();
const token = await accessToken();
let failed = 0;
for (const [name, check] of checks(options, token)) {
  try {
    await check();
    process.stdout.write(`ok    ${name}\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`FAIL  ${name}: ${error.message}\n`);
  }
}
process.stdout.write(
  failed === 0 ? `all checks hold at ${options.base}\n` : `${failed} check(s) failed at ${options.base}\n`,
);
process.exit(failed === 0 ? 0 : 1);
