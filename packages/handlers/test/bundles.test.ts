import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type RouteName, routeList, routes, type Todo } from '@todolist/sdk/contract';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROUTE_MODULES, TRIGGER_MODULES } from '../scripts/bundles.mjs';
import { ListStore } from '../src/store/list-store.js';
import { MemberStore } from '../src/store/member-store.js';
import { tableDefinition } from '../src/store/table-schema.js';
import { TodoStore } from '../src/store/todo-store.js';
import { ensureBuilt, lambdaBundlesDir, routeBundle } from './support/built-dist.js';
import { apiEvent, type TestRequest } from './support/events.js';
import { killSpawned, spawnNode } from './support/spawned-node.js';

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
  const run = spawnNode(
    ['--input-type=module', '-e', INVOKE, pathToFileURL(routeBundle(name)).href, JSON.stringify(event)],
    {
      env: {
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
        CURSOR_SIGNING_KEY: cursorSigningKey,
        AWS_REGION: 'local',
        POWERTOOLS_LOG_LEVEL: 'INFO',
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
  return { event, result: JSON.parse(resultLine.slice(RESULT_PREFIX.length)), lines };
}

describe('the Lambda bundles in dist/lambda', () => {
  it('are built from ROUTE_MODULES, which names one existing handler module per route of the route table', () => {
    expect(Object.keys(ROUTE_MODULES).sort()).toEqual(Object.keys(routes).sort());
    for (const module of Object.values(ROUTE_MODULES))
      expect(existsSync(join(import.meta.dirname, '../src/routes', `${module}.ts`)), module).toBe(true);
  });

  it('are one per route of the route table, and one per Cognito trigger', () => {
    const bundles = readdirSync(lambdaBundlesDir).filter((name) =>
      existsSync(join(lambdaBundlesDir, name, 'index.mjs')),
    );
    expect(bundles.sort()).toEqual([...Object.keys(routes), ...Object.keys(TRIGGER_MODULES)].sort());
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
