import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { itemAt, streamRecord } from '../../test/support/stream-records.js';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from '../store/client.js';
import { connectionKey, todoKey } from '../store/keys.js';
import { ListStore } from '../store/list-store.js';
import { LiveConnections } from '../store/live-connections.js';
import { MemberStore } from '../store/member-store.js';
import { TodoStore } from '../store/todo-store.js';
import type { ConnectionPoster } from './connection-poster.js';
import { POKE, type PushDependencies, pushChanges } from './push-changes.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());
const table = { client: documentClient, name: tableName };
const cursorSigningKey = async () => 'push-test-key';
const todos = new TodoStore(documentClient, { tableName, cursorSigningKey });
const lists = new ListStore(documentClient, { tableName, cursorSigningKey });
const members = new MemberStore(documentClient, { tableName });
const IRELAND = 'eu-west-1';
const VIRGINIA = 'us-east-1';
const connectionsIn = (region: string) => new LiveConnections(documentClient, { tableName, region });

/**
 * PostToConnection, the one part that needs API Gateway: records each post, answers 'gone' for
 * the connections in `gone`, and fails those in `failing` as an outage would.
 */
class FakePoster implements ConnectionPoster {
  readonly posts: { connectionId: string; message: string }[] = [];
  readonly gone = new Set<string>();
  readonly failing = new Set<string>();
  async post(connectionId: string, message: string) {
    if (this.failing.has(connectionId)) throw new Error('PostToConnection failed (503)');
    if (this.gone.has(connectionId)) return 'gone' as const;
    this.posts.push({ connectionId, message });
    return 'sent' as const;
  }
  /** The connections posted to, sorted, each as often as it was. */
  poked(): string[] {
    return this.posts.map((post) => post.connectionId).sort();
  }
}

let count = 0;
async function signedIn(name: string) {
  const id = `push-${name}-${++count}-${Date.now()}`;
  await members.recordSignIn(id, `${id}@example.test`);
  return { id, email: `${id}@example.test` };
}

/** The stream record of a todo `act` creates in `owner`'s partition: an INSERT with its new image. */
async function createdTodo(owner: string, act: () => Promise<{ id: string }>): Promise<DynamoDBRecord> {
  const { id } = await act();
  const key = todoKey(owner, id);
  return streamRecord(key, undefined, await itemAt(documentClient, tableName, key));
}

/** Alice's list shared with Bob; Carol is on no list of hers. Each has connections in Ireland. */
async function sharedListScene(region = IRELAND) {
  const [alice, bob, carol] = [await signedIn('alice'), await signedIn('bob'), await signedIn('carol')];
  const list = await lists.create(alice.id, { name: 'Groceries' });
  await members.add(alice.id, list.id, bob.email);
  const connections = connectionsIn(region);
  for (const [person, id] of [
    [alice, `${alice.id}-laptop`],
    [alice, `${alice.id}-phone`],
    [bob, `${bob.id}-laptop`],
    [carol, `${carol.id}-laptop`],
  ] as const)
    await connections.open(person.id, id);
  return { alice, bob, carol, list, connections };
}

function deps(connections: LiveConnections, poster: ConnectionPoster, over: Partial<PushDependencies> = {}) {
  return { table, connections, poster, ...over };
}

describe('the pusher', () => {
  it('pokes every connection of the list\'s owner and members with {"type":"changed"}, and no one else\'s', async () => {
    const { alice, bob, list, connections } = await sharedListScene();
    const record = await createdTodo(alice.id, () =>
      todos.create(bob.id, { title: 'Milk', listId: list.id }),
    );
    const poster = new FakePoster();
    const report = await pushChanges([record], deps(connections, poster));
    expect(poster.poked()).toEqual([`${alice.id}-laptop`, `${alice.id}-phone`, `${bob.id}-laptop`].sort());
    expect(new Set(poster.posts.map((post) => post.message))).toEqual(new Set([POKE]));
    expect(JSON.parse(POKE)).toEqual({ type: 'changed' });
    expect(report).toMatchObject({ response: { batchItemFailures: [] }, people: 2, pokes: 3 });
  });

  it('pokes each connection once per batch, however many of its changes concern its person', async () => {
    const { alice, bob, list, connections } = await sharedListScene();
    const records: DynamoDBRecord[] = [];
    for (const title of ['Milk', 'Eggs', 'Bread', 'Tea'])
      records.push(await createdTodo(alice.id, () => todos.create(alice.id, { title, listId: list.id })));
    records.push(await createdTodo(alice.id, () => todos.create(alice.id, { title: 'Inbox only' })));
    const poster = new FakePoster();
    await pushChanges(records, deps(connections, poster));
    expect(poster.poked()).toEqual([`${alice.id}-laptop`, `${alice.id}-phone`, `${bob.id}-laptop`].sort());
  });

  it("forgets a connection found gone (410) and still pokes the person's others; the batch succeeds", async () => {
    const { alice, connections } = await sharedListScene();
    const record = await createdTodo(alice.id, () => todos.create(alice.id, { title: 'Mine' }));
    const poster = new FakePoster();
    poster.gone.add(`${alice.id}-laptop`);
    const report = await pushChanges([record], deps(connections, poster));
    expect(poster.poked()).toEqual([`${alice.id}-phone`]);
    expect(report).toMatchObject({ response: { batchItemFailures: [] }, goneConnections: 1 });
    expect(await connections.of(alice.id)).toEqual([`${alice.id}-phone`]);
    expect(
      await itemAt(documentClient, tableName, connectionKey(alice.id, IRELAND, `${alice.id}-laptop`)),
    ).toBeUndefined();
  });

  it('does not fail the batch for a post that fails: the others are poked, the failure counted', async () => {
    const { alice, connections } = await sharedListScene();
    const record = await createdTodo(alice.id, () => todos.create(alice.id, { title: 'Mine' }));
    const poster = new FakePoster();
    poster.failing.add(`${alice.id}-phone`);
    const errors: string[] = [];
    const report = await pushChanges(
      [record],
      deps(connections, poster, { onError: (message) => errors.push(message) }),
    );
    expect(poster.poked()).toEqual([`${alice.id}-laptop`]);
    expect(report).toMatchObject({ response: { batchItemFailures: [] }, failedPokes: 1, pokes: 1 });
    expect(errors).toEqual(['could not poke a live connection']);
    expect((await connections.of(alice.id)).sort()).toEqual([`${alice.id}-laptop`, `${alice.id}-phone`]);
  });

  it("pokes no one for TTL's removals, nor for live connections coming and going", async () => {
    const { alice, connections } = await sharedListScene();
    const todo = await todos.create(alice.id, { title: 'Long gone' });
    await todos.delete(alice.id, todo.id);
    const key = todoKey(alice.id, todo.id);
    const tombstone = await itemAt(documentClient, tableName, key);
    const connection = connectionKey(alice.id, IRELAND, 'new-connection');
    const records = [
      streamRecord(key, tombstone, undefined, { ttl: true }),
      streamRecord(connection, undefined, { ...connection, expiration: 1 }),
      streamRecord(connection, { ...connection, expiration: 1 }, undefined),
    ];
    const poster = new FakePoster();
    const report = await pushChanges(records, deps(connections, poster));
    expect(poster.posts).toEqual([]);
    expect(report.response).toEqual({ batchItemFailures: [] });
  });

  it('reports the first record whose audience cannot be read, and pokes only for the records before it', async () => {
    const { alice, bob, list, connections } = await sharedListScene();
    const before = await createdTodo(alice.id, () =>
      todos.create(alice.id, { title: 'Inbox: no list to read' }),
    );
    const unread = await createdTodo(alice.id, () =>
      todos.create(alice.id, { title: 'Shared', listId: list.id }),
    );
    const after = await createdTodo(bob.id, () => todos.create(bob.id, { title: "Bob's Inbox" }));
    const poster = new FakePoster();
    // A shared list's members are read from the table; an Inbox todo's audience needs no read.
    const broken = { client: documentClient, name: `${tableName}-missing` };
    const report = await pushChanges([before, unread, after], deps(connections, poster, { table: broken }));
    expect(report.response).toEqual({
      batchItemFailures: [{ itemIdentifier: unread.dynamodb?.SequenceNumber }],
    });
    expect(report.failedRecords).toBe(2);
    expect(poster.poked()).toEqual([`${alice.id}-laptop`, `${alice.id}-phone`]);
  });

  it('in a global table each region pokes only the connections its own API holds: each client once', async () => {
    const [alice, bob] = [await signedIn('alice'), await signedIn('bob')];
    const list = await lists.create(alice.id, { name: 'Across the ocean' });
    await members.add(alice.id, list.id, bob.email);
    await connectionsIn(IRELAND).open(alice.id, 'alice-in-dublin');
    await connectionsIn(VIRGINIA).open(bob.id, 'bob-in-boston');
    // The same write reaches both regions' streams: the replica's stream carries it too.
    const record = await createdTodo(alice.id, () =>
      todos.create(alice.id, { title: 'Both hear', listId: list.id }),
    );
    const [dublin, boston] = [new FakePoster(), new FakePoster()];
    await Promise.all([
      pushChanges([record], deps(connectionsIn(IRELAND), dublin)),
      pushChanges([record], deps(connectionsIn(VIRGINIA), boston)),
    ]);
    expect(dublin.poked()).toEqual(['alice-in-dublin']);
    expect(boston.poked()).toEqual(['bob-in-boston']);
  });
});
