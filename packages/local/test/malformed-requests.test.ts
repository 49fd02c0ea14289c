import {
  COMMON_ERROR_CODES,
  type ErrorCode,
  type RouteDefinition,
  type RouteName,
  routes,
  Todo,
  TodoPage,
} from '@todolist/sdk/contract';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';
import {
  buildRequest,
  expectedCodes,
  type MalformedRequest,
  malformedRequest,
} from './support/malformed-requests.js';
import { readProblem } from './support/problem-details.js';
import {
  createRawHttpClient,
  type RawHttpClient,
  type RawRequest,
  type RawResponse,
} from './support/raw-http-client.js';
import { describeRequest } from './support/request-draft.js';
import type { GatewayFixtures } from './support/well-formed-requests.js';

// Generated requests per route (3,340 in all; at least 1,000 is the aim), most for the routes that read most input.
const RUNS: Record<RouteName, number> = {
  createTodo: 500,
  updateTodo: 500,
  listTodos: 500,
  importTodos: 300,
  quickAddTodo: 100,
  getTodo: 200,
  deleteTodo: 200,
  openapi: 100,
  health: 100,
  listLists: 60,
  createList: 60,
  getList: 60,
  updateList: 60,
  deleteList: 60,
  listMembers: 60,
  addMember: 60,
  removeMember: 60,
  listFilters: 60,
  createFilter: 60,
  getFilter: 60,
  updateFilter: 60,
  deleteFilter: 60,
  listChanges: 60,
};

let stack: LocalStack;
let client: RawHttpClient;
let fixtures: GatewayFixtures;

const json = (body: unknown): RawRequest['body'] => Buffer.from(JSON.stringify(body));
const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function nextCursor(query: string): Promise<string> {
  const response = await client.send({ method: 'GET', target: `${routes.listTodos.path}?${query}` });
  const cursor = TodoPage.parse(JSON.parse(response.body.toString('utf8'))).nextCursor;
  if (!cursor) throw new Error(`GET ${routes.listTodos.path}?${query} gave no nextCursor`);
  return cursor;
}

/** Creates a todo, a list or a saved filter through the gateway, answering its id. */
async function createdId(target: string, body: unknown): Promise<string> {
  const response = await client.send({ method: 'POST', target, headers: JSON_HEADERS, body: json(body) });
  return (JSON.parse(response.body.toString('utf8')) as { id: string }).id;
}

beforeAll(async () => {
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  const { accessToken } = await signInLocally(stack.url, 'contract@example.test');
  client = createRawHttpClient(stack.url, { authorization: `Bearer ${accessToken}` });
  const ids: string[] = [];
  for (const title of ['Buy milk', 'Call the plumber', 'Renew passport', 'Water the plants']) {
    ids.push(await createdId(routes.createTodo.path, { title }));
  }
  const cursor = await nextCursor('limit=1');
  fixtures = {
    ids,
    cursor,
    nextCursor: await nextCursor(`limit=1&cursor=${cursor}`),
    otherListingCursor: await nextCursor('status=open&limit=1'),
    listIds: await Promise.all(
      ['Groceries', 'Work'].map((name) => createdId(routes.createList.path, { name })),
    ),
    filterIds: await Promise.all(
      [
        { name: 'Work today', query: '(today | overdue) & #work' },
        { name: 'Urgent', query: 'p1' },
      ].map((body) => createdId(routes.createFilter.path, body)),
    ),
  };
});

afterAll(async () => {
  client?.close();
  await stack?.close();
});

/** Throws, naming the request, unless the answer refuses it with a 4xx problem for one of its defects. */
function expectRefused(
  route: RouteDefinition,
  sample: MalformedRequest,
  request: RawRequest,
  answer: RawResponse,
) {
  const where = `${describeRequest(request)}\n  answered ${answer.status} ${answer.body.toString('utf8').slice(0, 300)}`;
  if (answer.status < 400 || answer.status > 499) throw new Error(`expected a 4xx for ${where}`);
  let code: ErrorCode;
  try {
    code = readProblem(answer).code;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n  for ${where}`);
  }
  const expected = expectedCodes(sample.defects);
  if (!expected.has(code))
    throw new Error(`expected one of ${[...expected].join(', ')}, got ${code} for ${where}`);
  // A request that reached a route must be refused with a code the route declares.
  const routed = !sample.defects.some(
    (defect) => defect.kind === 'wrongMethod' || defect.kind === 'unknownPath',
  );
  const declared: readonly ErrorCode[] = [...route.errors, ...COMMON_ERROR_CODES];
  if (routed && !declared.includes(code))
    throw new Error(`${route.name} does not declare ${code}, answered to ${where}`);
}

describe('malformed requests to the local gateway', () => {
  it.each(Object.keys(RUNS) as RouteName[])(
    'refuses every malformed %s request with a 4xx problem naming one of its defects',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(malformedRequest(name, fixtures), async (sample) => {
          const request = buildRequest(sample, fixtures);
          expectRefused(routes[name], sample, request, await client.send(request));
        }),
        { numRuns: RUNS[name] },
      );
    },
    60_000,
  );

  // The signature is 16 bytes in 22 base64url characters: the last character carries 4 unused
  // bits, so 16 spellings of it decode to the same bytes. A tamper-evident cursor refuses them all.
  it('refuses a real cursor whose last character differs only in bits the decoder ignores', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(fixtures.cursor.at(-1) ?? '');
    const tampered = `${fixtures.cursor.slice(0, -1)}${alphabet.charAt(last ^ 1)}`;
    const answer = await client.send({
      method: 'GET',
      target: `${routes.listTodos.path}?limit=1&cursor=${tampered}`,
    });
    expect(answer.status).toBe(400);
    expect(readProblem(answer).code).toBe('invalid_cursor');
  });

  it('sent at least 1,000 generated requests', () => {
    const generated = Object.values(RUNS).reduce((sum, runs) => sum + runs, 0);
    expect(generated).toBeGreaterThanOrEqual(1000);
    expect(client.sent).toBeGreaterThanOrEqual(generated);
  });

  it('still lists and creates todos afterwards', async () => {
    const list = await client.send({ method: 'GET', target: routes.listTodos.path });
    expect(list.status).toBe(200);
    expect(TodoPage.safeParse(JSON.parse(list.body.toString('utf8'))).success).toBe(true);
    const create = await client.send({
      method: 'POST',
      target: routes.createTodo.path,
      headers: JSON_HEADERS,
      body: json({ title: 'Still standing', tags: ['after-fuzzing'] }),
    });
    expect(create.status).toBe(201);
    expect(Todo.parse(JSON.parse(create.body.toString('utf8')))).toMatchObject({ title: 'Still standing' });
  });
});
