import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { killSpawned, spawnNode } from '@todolist/bench-kit/spawned-node';
import { type RouteName, routeList, routes, type Todo } from '@todolist/sdk/contract';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIVE_MODULES, lambdaBundle, ROUTE_MODULES, TRIGGER_MODULES } from '../scripts/bundles.mjs';
import { todoKey } from '../src/store/keys.js';
import { ListStore } from '../src/store/list-store.js';
import { LiveConnections } from '../src/store/live-connections.js';
import { MemberStore } from '../src/store/member-store.js';
import { SavedFilterStore } from '../src/store/saved-filter-store.js';
import { tableDefinition } from '../src/store/table-schema.js';
import { TodoStore } from '../src/store/todo-store.js';
import { ensureBuilt, lambdaBundlesDir, routeBundle } from './support/built-dist.js';
import { type ConnectionsEndpoint, startConnectionsEndpoint } from './support/connections-endpoint.js';
import { apiEvent, type TestRequest } from './support/events.js';
import { itemAt, streamRecord } from './support/stream-records.js';
import { startTestUserPool, TEST_CLIENT_ID, type TestUserPool } from './support/user-pool.js';

// Each route's Lambda bundle, run as Lambda runs it: a fresh Node process that imports the bundle
// and calls its handler once with an API Gateway REST proxy event and a context.

const OWNER = 'bundle-owner';
const RESULT_PREFIX = 'handler result: ';

// Imports the bundle given as the first argument and invokes its handler with the event given as the second.
const INVOKE = `
const [bundle, eventJson] = process.argv.slice(1);
const { handler } = await import(bundle);
const context = {
  functionName: 'todolist-test', functionVersion: '$LATEST', memoryLimitInMB: '256',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:todolist-test',
  awsRequestId: 'test-invocation', logGroupName: '/aws/lambda/todolist-test', logStreamName: 'test',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 30000,
  done() {}, fail() {}, succeed() {},
};
const result = await handler(JSON.parse(eventJson), context);
process.stdout.write(${JSON.stringify(RESULT_PREFIX)} + JSON.stringify(result) + '\\n');
`;

const tableName = `bundles-${randomBytes(4).toString('hex')}`;
const cursorSigningKey = randomBytes(32).toString('base64url');
let client: DynamoDBClient;
let store: TodoStore;
let lists: ListStore;
let members: MemberStore;
let filters: SavedFilterStore;

beforeAll(async () => {
  await ensureBuilt();
  client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  const documentClient = DynamoDBDocumentClient.from(client);
  store = new TodoStore(documentClient, { tableName, cursorSigningKey: async () => cursorSigningKey });
  lists = new ListStore(documentClient, { tableName, cursorSigningKey: async () => cursorSigningKey });
  members = new MemberStore(documentClient, { tableName });
  filters = new SavedFilterStore(documentClient, { tableName });
}, 180_000);

afterAll(async () => {
  await killSpawned();
  client?.destroy();
});

/** A list of the owner's, made for one request. */
async function aList() {
  return lists.create(OWNER, { name: `For a bundle ${ulid()}` });
}

function onList(method: string, listId: string, suffix = ''): TestRequest {
  return { method, path: `/v1/lists/${listId}${suffix}`, pathParameters: { listId } };
}

/** A saved filter of the owner's, made for one request, addressed by `method`. */
async function onSavedFilter(method: string): Promise<TestRequest> {
  const { id: filterId } = await filters.create(OWNER, { name: 'For a bundle', query: 'today & #work' });
  return { method, path: `/v1/filters/${filterId}`, pathParameters: { filterId } };
}

/** What each route is asked, given a todo of the owner's that exists. */
const requests: Record<RouteName, (todo: Todo) => TestRequest | Promise<TestRequest>> = {
  createTodo: () => ({ method: 'POST', path: '/v1/todos', body: { title: 'Made by a bundle' } }),
  listTodos: () => ({ method: 'GET', path: '/v1/todos', query: { limit: '10' } }),
  getTodo: (todo) => byId('GET', todo),
  updateTodo: (todo) => ({ ...byId('PATCH', todo), body: { completed: true } }),
  deleteTodo: (todo) => byId('DELETE', todo),
  importTodos: () => ({
    method: 'POST',
    path: routes.importTodos.path,
    body: { items: [{ title: 'Imported by a bundle' }, { title: 'Its sibling', tags: ['bulk'] }] },
  }),
  quickAddTodo: () => ({
    method: 'POST',
    path: routes.quickAddTodo.path,
    body: { text: 'Made by a bundle tomorrow p1 #bulk', timeZone: 'Europe/Paris' },
  }),
  listChanges: () => ({ method: 'GET', path: '/v1/changes' }),
  openapi: () => ({ method: 'GET', path: '/v1/openapi.json' }),
  health: () => ({ method: 'GET', path: '/v1/health' }),
  listLists: () => ({ method: 'GET', path: '/v1/lists' }),
  createList: () => ({ method: 'POST', path: '/v1/lists', body: { name: `Made by a bundle ${ulid()}` } }),
  getList: async () => onList('GET', (await aList()).id),
  updateList: async () => ({ ...onList('PATCH', (await aList()).id), body: { archived: true } }),
  deleteList: async () => onList('DELETE', (await aList()).id),
  listMembers: async () => onList('GET', (await aList()).id, '/members'),
  addMember: async () => ({
    ...onList('POST', (await aList()).id, '/members'),
    body: { email: 'friend@example.test' },
  }),
  removeMember: async () => {
    const list = await aList();
    const invited = await members.add(OWNER, list.id, 'friend@example.test');
    const request = onList('DELETE', list.id, `/members/${invited.id}`);
    return { ...request, pathParameters: { listId: list.id, memberId: invited.id } };
  },
  listFilters: () => ({ method: 'GET', path: routes.listFilters.path }),
  createFilter: () => ({
    method: 'POST',
    path: routes.createFilter.path,
    body: { name: 'Made by a bundle', query: '(today | overdue) & #work' },
  }),
  getFilter: () => onSavedFilter('GET'),
  updateFilter: async () => ({ ...(await onSavedFilter('PATCH')), body: { query: 'p1' } }),
  deleteFilter: () => onSavedFilter('DELETE'),
};

function byId(method: string, todo: Todo): TestRequest {
  return { method, path: `/v1/todos/${todo.id}`, pathParameters: { id: todo.id } };
}

interface Invocation {
  event: APIGatewayProxyEvent;
  result: APIGatewayProxyResult;
  /** The JSON lines the process wrote to stdout besides the result: logs and EMF metrics. */
  lines: Record<string, unknown>[];
}

async function invoke(name: RouteName): Promise<Invocation> {
  const todo = await store.create(OWNER, { title: `For ${name}` });
  const route = routes[name];
  const event = apiEvent({ ...(await requests[name](todo)), resource: route.path, owner: OWNER });
  const { result, lines } = await runBundle(routeBundle(name), event);
  return { event, result: result as APIGatewayProxyResult, lines };
}

/** Runs a bundle's handler once on `event` in a fresh Node process, as Lambda would. */
async function runBundle(bundle: string, event: unknown, env: Record<string, string> = {}) {
  const run = spawnNode(
    ['--input-type=module', '-e', INVOKE, pathToFileURL(bundle).href, JSON.stringify(event)],
    {
      env: {
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
        CURSOR_SIGNING_KEY: cursorSigningKey,
        AWS_REGION: 'local',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...env,
      },
    },
  );
  const exit = await run.exited;
  expect(exit.code, run.stderr()).toBe(0);
  const output = run.stdout().trimEnd().split('\n');
  const resultLine = output.find((line) => line.startsWith(RESULT_PREFIX)) ?? '';
  const lines = output
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { result: JSON.parse(resultLine.slice(RESULT_PREFIX.length)) as unknown, lines };
}

describe('the Lambda bundles in dist/lambda', () => {
  it('are built from ROUTE_MODULES, which names one existing handler module per route of the route table', () => {
    expect(Object.keys(ROUTE_MODULES).sort()).toEqual(Object.keys(routes).sort());
    for (const module of Object.values(ROUTE_MODULES))
      expect(existsSync(join(import.meta.dirname, '../src/routes', `${module}.ts`)), module).toBe(true);
  });

  it('are one per route of the route table, one per Cognito trigger and one per live handler', () => {
    const bundles = readdirSync(lambdaBundlesDir).filter((name) =>
      existsSync(join(lambdaBundlesDir, name, 'index.mjs')),
    );
    expect(bundles.sort()).toEqual(
      [...Object.keys(routes), ...Object.keys(TRIGGER_MODULES), ...Object.keys(LIVE_MODULES)].sort(),
    );
    for (const module of Object.values(LIVE_MODULES))
      expect(existsSync(join(import.meta.dirname, '../src/live', `${module}.ts`)), module).toBe(true);
  });

  it.each(Object.keys(routes) as RouteName[])(
    '%s answers its success status and logs it as JSON with the request id, and its metrics as EMF',
    async (name) => {
      const { event, result, lines } = await invoke(name);
      expect(result.statusCode, result.body).toBe(routes[name].success.status);

      const requestId = event.requestContext.requestId;
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'INFO',
          message: 'request handled',
          requestId,
          route: name,
          status: routes[name].success.status,
        }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({
          _aws: expect.objectContaining({
            CloudWatchMetrics: [
              expect.objectContaining({
                Namespace: 'todolist',
                Metrics: expect.arrayContaining([expect.objectContaining({ Name: 'Success' })]),
              }),
            ],
          }),
          route: name,
          Success: 1,
        }),
      );
    },
  );

  it('openapi serves a document listing every route of the table', async () => {
    const { result } = await invoke('openapi');
    const document = JSON.parse(result.body) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    for (const route of routeList) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()]?.operationId, route.name).toBe(
        route.name,
      );
    }
  });
});

describe('the live bundles, run as Lambda runs them', () => {
  let pool: TestUserPool;
  let endpoint: ConnectionsEndpoint;
  beforeAll(async () => {
    [pool, endpoint] = await Promise.all([startTestUserPool(), startConnectionsEndpoint()]);
  });
  afterAll(async () => {
    await Promise.all([pool?.close(), endpoint?.close()]);
  });

  it('liveAuthorizer allows a token of the pool for its subject, and refuses another', async () => {
    const env = { TOKEN_ISSUER: pool.issuer, TOKEN_CLIENT_IDS: TEST_CLIENT_ID };
    const handshake = (token: string) => ({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:local:000000000000:api/live/$connect',
      queryStringParameters: { token },
      requestContext: { requestId: 'handshake' },
    });
    const allowed = await runBundle(
      lambdaBundle('liveAuthorizer'),
      handshake(await pool.accessToken({ sub: OWNER })),
      env,
    );
    expect(allowed.result).toMatchObject({ principalId: OWNER });
    const refusal = spawnNode(
      [
        '--input-type=module',
        '-e',
        INVOKE,
        pathToFileURL(lambdaBundle('liveAuthorizer')).href,
        JSON.stringify(handshake(await pool.forgedToken())),
      ],
      { env: { TABLE_NAME: tableName, AWS_REGION: 'local', ...env } },
    );
    expect((await refusal.exited).code).not.toBe(0);
    expect(refusal.stderr()).toContain('Unauthorized');
  });

  it('liveConnect records the connection, logs it with the connection id and counts it as EMF', async () => {
    const event = {
      requestContext: {
        routeKey: '$connect',
        connectionId: 'bundle-conn=',
        requestId: 'connect-1',
        authorizer: { principalId: OWNER },
      },
      isBase64Encoded: false,
    };
    const { result, lines } = await runBundle(lambdaBundle('liveConnect'), event);
    expect(result).toEqual({ statusCode: 200 });
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'live event handled',
        connectionId: 'bundle-conn=',
        route: 'liveConnect',
      }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ route: 'liveConnect', Success: 1 }));
  });

  it('livePusher posts {"type":"changed"} to the connections of whoever may see a change', async () => {
    const documentClient = DynamoDBDocumentClient.from(client);
    const connections = new LiveConnections(documentClient, { tableName, region: 'local' });
    await connections.open(OWNER, 'pushed-conn=');
    const todo = await store.create(OWNER, { title: 'Pushed' });
    const key = todoKey(OWNER, todo.id);
    const record = streamRecord(key, undefined, await itemAt(documentClient, tableName, key));
    const env = { LIVE_CALLBACK_URL: endpoint.url, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const { result, lines } = await runBundle(lambdaBundle('livePusher'), { Records: [record] }, env);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(endpoint.posts).toContainEqual({ connectionId: 'pushed-conn=', body: '{"type":"changed"}' });
    expect(lines).toContainEqual(expect.objectContaining({ message: 'changes pushed', route: 'livePusher' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ route: 'livePusher', LivePokes: expect.any(Number) }),
    );
  });
});
