import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { Agent as HttpAgent, get as httpGet, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, type Todo, type TodoPage } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';

const ALLOWED_ORIGIN = 'https://app.todolist.test';
const OTHER_ORIGIN = 'https://elsewhere.test';
const SECRET = 'a file outside the site folder';
const SITE_PAGE = '<!doctype html><title>todolist test page</title>';
const SITE_SCRIPT = 'export const page = true;';

// Each owner a test names is a person signed in to the local user pool, once per file.
const tokens = new Map<string, Promise<string>>();
function tokenOf(owner: string): Promise<string> {
  let token = tokens.get(owner);
  if (!token) {
    token = signInLocally(stack.url, `${owner}@example.test`).then((signIn) => signIn.accessToken);
    tokens.set(owner, token);
  }
  return token;
}

let stack: LocalStack;
let folder: string;

beforeAll(async () => {
  // A site folder as the repository's: the page (page.json names index.html and js/) beside
  // files that are not the page, and beside a file outside it, ../package.json, reached by
  // paths and by symbolic links.
  folder = await mkdtemp(join(tmpdir(), 'todolist-gateway-'));
  const site = join(folder, 'site');
  await mkdir(join(site, 'js'), { recursive: true });
  await mkdir(join(site, 'test'));
  await mkdir(join(site, '.turbo'));
  await writeFile(join(site, 'page.json'), JSON.stringify({ entries: ['index.html', 'js'] }));
  await writeFile(join(site, 'index.html'), SITE_PAGE);
  await writeFile(join(site, 'js', 'app.js'), SITE_SCRIPT);
  for (const file of ['package.json', 'README.md', 'test/page.test.ts', '.turbo/turbo-test.log', 'js/.env'])
    await writeFile(join(site, file), SECRET);
  await writeFile(join(folder, 'package.json'), JSON.stringify({ secret: SECRET }));
  await symlink(join(folder, 'package.json'), join(site, 'js', 'outside.js'));
  await symlink(folder, join(site, 'js', 'up'));
  stack = await startLocalStack({
    dataDir: null,
    port: 0,
    siteDir: join(folder, 'site'),
    allowedOrigins: [ALLOWED_ORIGIN],
  });
});

afterAll(async () => {
  await stack?.close();
  await rm(folder, { recursive: true, force: true });
});

interface Call {
  method?: string;
  owner?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function call(
  path: string,
  { method = 'GET', owner, body, headers = {} }: Call = {},
  base = stack.url,
) {
  const sent: Record<string, string> = { ...headers };
  if (owner) sent.authorization = `Bearer ${await tokenOf(owner)}`;
  if (body !== undefined) sent['content-type'] ??= 'application/json';
  return fetch(`${base}${path}`, {
    method,
    headers: sent,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

async function createTodo(owner: string, title: string): Promise<Todo> {
  const response = await call('/v1/todos', { method: 'POST', owner, body: { title } });
  expect(response.status).toBe(201);
  return (await response.json()) as Todo;
}

async function listIds(owner: string): Promise<string[]> {
  const response = await call('/v1/todos?limit=100', { owner });
  expect(response.status).toBe(200);
  return ((await response.json()) as TodoPage).items.map((todo) => todo.id);
}

/** A GET with the path sent exactly as written: fetch() would resolve `..` segments before sending. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stack.url);
  return new Promise((resolve, reject) => {
    httpGet({ hostname, port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const commaList = (value: string | null) => (value ?? '').split(',').map((item) => item.trim().toLowerCase());

describe('a todo through the local gateway', () => {
  it('is created, read, listed, changed and deleted with the statuses and headers of the deployed API', async () => {
    const owner = 'round-trip';
    const created = await call('/v1/todos', { method: 'POST', owner, body: { title: 'Buy milk' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/json');
    expect(created.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('etag')).toBe('"1"');
    const todo = (await created.json()) as Todo;
    expect(todo).toMatchObject({ title: 'Buy milk', completed: false, version: 1 });
    const location = created.headers.get('location');
    expect(location).toBe(`/v1/todos/${todo.id}`);

    const read = await call(location ?? '', { owner });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await read.json()).toEqual(todo);

    expect(await listIds(owner)).toEqual([todo.id]);

    const patched = await call(`/v1/todos/${todo.id}`, {
      method: 'PATCH',
      owner,
      headers: { 'If-Match': '"1"' },
      body: { completed: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(await patched.json()).toMatchObject({ id: todo.id, completed: true, version: 2 });

    const stale = await call(`/v1/todos/${todo.id}`, {
      method: 'PATCH',
      owner,
      headers: { 'If-Match': '"1"' },
      body: { title: 'Lost update' },
    });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { code: string }).code).toBe('precondition_failed');

    const deleted = await call(`/v1/todos/${todo.id}`, { method: 'DELETE', owner });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');

    const gone = await call(`/v1/todos/${todo.id}`, { owner });
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await gone.json()) as { code: string; requestId: string };
    expect(problem.code).toBe('not_found');
    expect(problem.requestId).toBe(gone.headers.get('x-amzn-requestid'));
    expect(await listIds(owner)).toEqual([]);
  });

  it('is invisible to another owner: get, patch and delete answer 404 and each lists only their own', async () => {
    const alice = await createTodo('alice', 'Alice’s plan');
    const bob = await createTodo('bob', 'Bob’s plan');
    const path = `/v1/todos/${alice.id}`;

    expect((await call(path, { owner: 'bob' })).status).toBe(404);
    expect((await call(path, { method: 'PATCH', owner: 'bob', body: { title: 'Taken over' } })).status).toBe(
      404,
    );
    expect((await call(path, { method: 'DELETE', owner: 'bob' })).status).toBe(404);

    const stillAlices = await call(path, { owner: 'alice' });
    expect(stillAlices.status).toBe(200);
    expect(await stillAlices.json()).toEqual(alice);
    expect(await listIds('alice')).toEqual([alice.id]);
    expect(await listIds('bob')).toEqual([bob.id]);
  });
});

describe('CORS at the local gateway', () => {
  it.each([
    { path: '/v1/todos', requested: 'POST', methods: ['GET', 'POST'] },
    { path: '/v1/todos/01JB0000000000000000000000', requested: 'PATCH', methods: ['GET', 'PATCH', 'DELETE'] },
  ])(
    'answers a preflight for $requested $path from an allowed origin with its methods and the headers a client sends',
    async ({ path, requested, methods }) => {
      const response = await call(path, {
        method: 'OPTIONS',
        headers: {
          Origin: ALLOWED_ORIGIN,
          'Access-Control-Request-Method': requested,
          'Access-Control-Request-Headers': 'content-type, if-match, idempotency-key',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(commaList(response.headers.get('access-control-allow-methods')).sort()).toEqual(
        methods.map((method) => method.toLowerCase()).sort(),
      );
      expect(commaList(response.headers.get('access-control-allow-headers'))).toEqual(
        expect.arrayContaining(['content-type', 'if-match', 'idempotency-key']),
      );
    },
  );

  it('gives a preflight from an origin not allowed no Access-Control-Allow-Origin', async () => {
    const response = await call('/v1/todos', {
      method: 'OPTIONS',
      headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows its own origin, localhost or 127.0.0.1, even when it listens on a random port', async () => {
    const port = new URL(stack.url).port;
    for (const own of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const preflight = await call('/v1/todos', {
        method: 'OPTIONS',
        headers: { Origin: own, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(own);
      const listed = await call('/v1/todos', { owner: 'own-origin', headers: { Origin: own } });
      expect(listed.headers.get('access-control-allow-origin')).toBe(own);
    }
  });

  it("lets an allowed origin's script read a handler's answer and its ETag, and no other origin's", async () => {
    const todo = await createTodo('cors-reader', 'Readable');
    const allowed = await call(`/v1/todos/${todo.id}`, {
      owner: 'cors-reader',
      headers: { Origin: ALLOWED_ORIGIN },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(commaList(allowed.headers.get('access-control-expose-headers'))).toEqual(
      expect.arrayContaining(['etag', 'location', 'x-amzn-requestid']),
    );
    const other = await call(`/v1/todos/${todo.id}`, {
      owner: 'cors-reader',
      headers: { Origin: OTHER_ORIGIN },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an unknown /v1 path with 404 route_not_found as problem+json an allowed origin can read', async () => {
    const response = await call('/v1/nothing-here', { headers: { Origin: ALLOWED_ORIGIN } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const problem = (await response.json()) as { code: string; status: number; requestId: string };
    expect(problem).toMatchObject({ code: 'route_not_found', status: 404 });
    expect(problem.requestId).toBe(response.headers.get('x-amzn-requestid'));
  });

  it('answers a method the path does not serve with 405 method_not_allowed and an Allow header, readable by an allowed origin', async () => {
    const response = await call('/v1/todos', { method: 'PUT', headers: { Origin: ALLOWED_ORIGIN } });
    expect(response.status).toBe(405);
    expect(commaList(response.headers.get('allow')).sort()).toEqual(['get', 'post']);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(((await response.json()) as { code: string }).code).toBe('method_not_allowed');
  });
});

describe('request bodies at the local gateway', () => {
  it("stops reading a body at the route's limit: 413 naming that limit, and nothing created", async () => {
    const owner = 'huge-body';
    const body = JSON.stringify({ title: 'Huge', notes: 'x'.repeat(10 * 1024 * 1024) });
    const response = await call('/v1/todos', { method: 'POST', owner, body });
    expect(response.status).toBe(413);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('payload_too_large');
    expect(problem.detail).toBe(`the body is over ${MAX_BODY_BYTES} bytes, the limit of POST /v1/todos`);
    expect(await listIds(owner)).toEqual([]);
  });

  it('refuses a body just over the limit (MAX_BODY_BYTES) with 413 payload_too_large, readable by an allowed origin', async () => {
    const owner = 'large-body';
    const body = JSON.stringify({ title: 'Large', notes: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await call('/v1/todos', {
      method: 'POST',
      owner,
      body,
      headers: { Origin: ALLOWED_ORIGIN },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('payload_too_large');
    expect(problem.detail).toContain(String(MAX_BODY_BYTES));
    expect(await listIds(owner)).toEqual([]);
  });

  it("takes an import's body past the other routes' limit, up to its own", async () => {
    const owner = 'large-import';
    const items = Array.from({ length: 50 }, (_, index) => ({
      title: `Row ${index}`,
      notes: 'n'.repeat(1500),
    }));
    const body = JSON.stringify({ items });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    expect(body.length).toBeLessThan(MAX_IMPORT_BODY_BYTES);
    const response = await call('/v1/todos/batch', { method: 'POST', owner, body });
    expect(response.status).toBe(200);
    expect(await listIds(owner)).toHaveLength(50);
  });
});

describe('the health check at the local gateway', () => {
  it('answers GET /v1/health with 200 {"status":"ok"} and no token, after reading the table', async () => {
    const response = await fetch(`${stack.url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the page beside the API', () => {
  it('is served at /', async () => {
    const response = await call('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(SITE_PAGE);
  });

  it('is told by /config.json that the API is this gateway', async () => {
    const response = await call('/config.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ apiUrl: stack.url });
  });

  it('serves the files page.json names, and what is inside the folders it names', async () => {
    const response = await call('/js/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(SITE_SCRIPT);
  });

  it.each([
    '/package.json',
    '/README.md',
    '/test/page.test.ts',
    '/page.json',
    '/.turbo/turbo-test.log',
    '/js/.env',
    '/js/%2eenv',
    '/js',
    '/js/outside.js',
    '/js/up/package.json',
  ])('serves nothing in the site folder that is not the page: 404 for %s', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/site/..%2f..%2fpackage.json',
  ])('does not serve a file outside the site folder for %s', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });
});

describe('throttling at the local gateway', () => {
  let throttled: LocalStack;

  beforeAll(async () => {
    throttled = await startLocalStack({
      dataDir: null,
      port: 0,
      allowedOrigins: [ALLOWED_ORIGIN],
      throttle: { rateLimit: 1, burstLimit: 2 },
    });
  });

  afterAll(async () => {
    await throttled?.close();
  });

  it('answers 429 rate_limited with Retry-After once the burst is spent', async () => {
    const request = () => call('/v1/openapi.json', { headers: { Origin: ALLOWED_ORIGIN } }, throttled.url);
    const burst = [await request(), await request()];
    expect(burst.map((response) => response.status)).toEqual([200, 200]);

    const refused = await request();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', status: 429 });
  });

  it("counts per person: one person's flood refuses their own requests, never another's", async () => {
    const [flooder, bystander] = await Promise.all([
      signInLocally(throttled.url, 'flooder@example.test'),
      signInLocally(throttled.url, 'bystander@example.test'),
    ]);
    const as = (token: string) => () =>
      fetch(`${throttled.url}/v1/todos`, { headers: { authorization: `Bearer ${token}` } });
    const flood = await Promise.all(Array.from({ length: 20 }, as(flooder.accessToken)));
    expect(flood.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(18);
    const bystanderAnswers = [await as(bystander.accessToken)(), await as(bystander.accessToken)()];
    expect(bystanderAnswers.map((response) => response.status)).toEqual([200, 200]);
  });
});

describe('closing the local gateway', () => {
  it('lets a request under way finish, then closes its kept-alive connection rather than wait out the 65 s keep-alive', async () => {
    const closing = await startLocalStack({ dataDir: null, port: 0, throttle: null });
    const { accessToken } = await signInLocally(closing.url, 'closer@example.test');
    const body = JSON.stringify({ title: 'Answered while the gateway closes' });
    const answered = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = httpRequest(
        `${closing.url}/v1/todos`,
        {
          method: 'POST',
          agent: new HttpAgent({ keepAlive: true }),
          headers: {
            authorization: `Bearer ${accessToken}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
        },
      );
      request.on('error', reject);
      // Half the body now: the request is under way when the close begins.
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = closing.close();
    expect((await answered).status).toBe(201);
    // Without closing it, the connection would hold the close for its 65 s keep-alive (past this test's 30 s).
    await closed;
  });
});
