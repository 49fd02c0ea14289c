// LIVE_TABLE_ACTIONS grants each live function its DynamoDB actions, and test/live.test.ts holds
// the synthesized policies to that table. This holds the table to the handlers: it runs the
// built live bundles (what Lambda runs) in this process over the local stack's dynalite, records
// every DynamoDB call each makes through its code paths, and requires exactly the granted
// actions: none missing (AccessDenied once deployed), none granted and never taken.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TABLE_KEY } from '@todolist/handlers';
import { type LiveName, lambdaBundle } from '@todolist/handlers/bundles';
import {
  type DynaliteServer,
  ensureTable,
  type LocalStack,
  signInLocally,
  startDynalite,
  startLocalStack,
} from '@todolist/local/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIVE_TABLE_ACTIONS } from '../src/constructs/live-permissions.js';
import { TableCallRecorder } from './support/table-calls.js';

const recorder = new TableCallRecorder();
let stack: LocalStack;
let endpoint: Server;
let documentClient: DynamoDBDocumentClient;
/** Connections the fake management endpoint answers 410 for, as API Gateway does for closed ones. */
const gone = new Set<string>();
const posted: string[] = [];

type Handler = (event: unknown) => Promise<unknown>;
const handlers = {} as Record<LiveName, Handler>;

/** The stage's management endpoint on loopback: what PostToConnection reaches. */
async function startConnectionsEndpoint(): Promise<string> {
  endpoint = createServer((request, response) => {
    const id = decodeURIComponent(/@connections\/([^/?]+)/.exec(request.url ?? '')?.[1] ?? '');
    request.resume().on('end', () => {
      if (gone.has(id))
        return response.writeHead(410, { 'x-amzn-errortype': 'GoneException' }).end('{"message":null}');
      posted.push(id);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/live`;
}

beforeAll(async () => {
  recorder.install();
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  documentClient = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.dynamodbEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await database?.close();
  await new Promise((resolve) => endpoint?.close(resolve));
  documentClient?.destroy();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

// The live bundles run over a dynalite of their own, holding a copy of what the local stack
// wrote: the local gateway's own live pushes read its dynalite on every write, and those reads
// would be recorded as the bundles' (the recorder sees every DynamoDB call in this process).
const TABLE = 'live-permissions';
let database: DynaliteServer;

async function copyIntoOwnDatabase(): Promise<void> {
  database = await startDynalite();
  const client = new DynamoDBClient({
    endpoint: database.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, TABLE);
  const target = DynamoDBDocumentClient.from(client);
  const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: stack.tableName }));
  for (const item of Items) await target.send(new PutCommand({ TableName: TABLE, Item: item }));
  target.destroy();
}

/** Loads the live bundles, which read their settings when they load, as in a Lambda container. */
async function loadBundles(): Promise<void> {
  for (const [name, value] of Object.entries({
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: database.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    LIVE_CALLBACK_URL: await startConnectionsEndpoint(),
    // The authorizer never reaches the pool below: every token it is given here is refused first.
    TOKEN_ISSUER: 'http://127.0.0.1:9/pool',
    TOKEN_CLIENT_IDS: 'todolist-web',
  }))
    vi.stubEnv(name, value);
  for (const name of Object.keys(LIVE_TABLE_ACTIONS) as LiveName[])
    handlers[name] = ((await import(pathToFileURL(lambdaBundle(name)).href)) as { handler: Handler }).handler;
}

/** Calls the REST API through the local gateway as `token`'s person. */
async function api(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, stack.url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as { id: string };
}

/** The stored item whose sort key ends with `id` (a todo's), as the stream's new image would show it. */
async function itemWithId(id: string): Promise<Record<string, unknown>> {
  const { Items = [] } = await documentClient.send(
    new ScanCommand({
      TableName: stack.tableName,
      FilterExpression: 'contains(#sk, :id)',
      ExpressionAttributeNames: { '#sk': TABLE_KEY.sortKey },
      ExpressionAttributeValues: { ':id': id },
    }),
  );
  const [item] = Items.filter((candidate) => String(candidate[TABLE_KEY.sortKey]).endsWith(id));
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

/** Whom a token is for: the `principalId` the authorizer would give its connection. */
function subjectOf(accessToken: string): string {
  const payload = accessToken.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
}

function connectionEvent(routeKey: string, connectionId: string, principalId: string) {
  return {
    requestContext: {
      routeKey,
      connectionId,
      requestId: `${routeKey}-${connectionId}`,
      authorizer: { principalId },
    },
  };
}

describe('the live functions take exactly the table actions granted to them', () => {
  it('in every code path: refused handshakes, connects, disconnects, and pushes that reach members and find connections gone', async () => {
    const alice = await signInLocally(stack.url, 'alice-live@example.test');
    const bob = await signInLocally(stack.url, 'bob-live@example.test');
    const list = await api(alice.accessToken, 'POST', '/v1/lists', { name: 'Live' });
    await api(alice.accessToken, 'POST', `/v1/lists/${list.id}/members`, { email: 'bob-live@example.test' });
    const todo = await api(bob.accessToken, 'POST', '/v1/todos', { title: 'Heard by both', listId: list.id });
    const item = await itemWithId(todo.id);
    // The local gateway's own pushes for those writes are done before anything is recorded.
    await stack.live.settled();
    await copyIntoOwnDatabase();
    await loadBundles();

    await recorder.during('liveAuthorizer', async () => {
      for (const query of [null, {}, { token: 'not-a-token' }])
        await expect(
          handlers.liveAuthorizer({
            type: 'REQUEST',
            methodArn: 'arn',
            queryStringParameters: query,
            requestContext: {},
          }),
        ).rejects.toThrow('Unauthorized');
    });
    const aliceId = subjectOf(alice.accessToken);
    const bobId = subjectOf(bob.accessToken);
    await recorder.during('liveConnect', async () => {
      for (const [connectionId, person] of [
        ['alice-1', aliceId],
        ['alice-2', aliceId],
        ['bob-1', bobId],
        ['bob-closed', bobId],
      ] as const)
        expect(await handlers.liveConnect(connectionEvent('$connect', connectionId, person))).toEqual({
          statusCode: 200,
        });
    });
    await recorder.during('liveDisconnect', async () => {
      expect(await handlers.liveDisconnect(connectionEvent('$disconnect', 'alice-2', aliceId))).toEqual({
        statusCode: 200,
      });
    });

    gone.add('bob-closed');
    const keys = {
      [TABLE_KEY.partitionKey]: item[TABLE_KEY.partitionKey],
      [TABLE_KEY.sortKey]: item[TABLE_KEY.sortKey],
    };
    const record = {
      eventName: 'INSERT',
      dynamodb: {
        Keys: marshall(keys),
        NewImage: marshall(item, { removeUndefinedValues: true }),
        SequenceNumber: '1',
      },
    };
    const answer = await recorder.during('livePusher', () => handlers.livePusher({ Records: [record] }));
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(posted.sort()).toEqual(['alice-1', 'bob-1']);

    for (const name of Object.keys(LIVE_TABLE_ACTIONS) as LiveName[]) {
      const calls = recorder.callsOf(name);
      expect([...calls.actions].sort(), name).toEqual([...LIVE_TABLE_ACTIONS[name]].sort());
      expect([...calls.indexes], `${name} reads no index`).toEqual([]);
    }
  });
});
