import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_KEY_TTL_SECONDS } from '@todolist/sdk/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { isTodoApiError } from '../errors.js';
import { createDynamoDbClients } from './client.js';
import { createWithKey } from './keyed-create.js';
import { ownerPartition, TODO_SK_PREFIX, todoKey } from './keys.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

// A minute ago, not a fixed date: the resends below run on the real clock, and the claim made at
// `now` must still be within its day for them (a fixed date made these tests fail a day later).
const now = new Date(Date.now() - 60_000);
let owners = 0;
const newOwner = () => `keyed-${++owners}-${Date.now()}`;

/** The document client, but the process "dies" (the call throws, unsent) at the `crashAt`-th write. */
function crashingClient(crashAt: number): DynamoDBDocumentClient {
  let writes = 0;
  const send = async (command: unknown) => {
    if (command instanceof PutCommand || command instanceof UpdateCommand) {
      if (++writes === crashAt) throw new Error('SIGKILL');
    }
    return documentClient.send(command as PutCommand);
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

async function todoIds(ownerId: string): Promise<string[]> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :todo)',
      ExpressionAttributeValues: { ':pk': ownerPartition(ownerId), ':todo': TODO_SK_PREFIX },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => String(item.sk).slice(TODO_SK_PREFIX.length));
}

const input = { title: 'Pay rent', tags: ['home'], priority: 'normal' as const, notes: null };

/** The owner's Inbox, first in its order: where these creates put their todo. */
const inboxOf = (ownerId: string) => ({ partitionOwner: ownerId, listId: 'inbox', position: 'a0' });

describe('createWithKey', () => {
  it.each([
    ['after the claim, before the todo', 2],
    ['after the todo, before the claim is marked made', 3],
  ])('a crash %s: the resend makes exactly the todo the claim named', async (_when, crashAt) => {
    const ownerId = newOwner();
    const request = { ownerId, key: 'k-1', input, now, place: inboxOf(ownerId) };
    await expect(createWithKey(crashingClient(crashAt), tableName, request)).rejects.toThrow('SIGKILL');
    const resent = await createWithKey(documentClient, tableName, { ...request, now: new Date() });
    expect(resent.replayed).toBe(true);
    expect(resent.todo).toMatchObject({ title: 'Pay rent', createdAt: now.toISOString(), version: 1 });
    expect(await todoIds(ownerId)).toEqual([resent.todo.id]);
    const again = await createWithKey(documentClient, tableName, request);
    expect(again.todo).toEqual(resent.todo);
    expect(await todoIds(ownerId)).toEqual([resent.todo.id]);
  });

  it('20 concurrent requests with one key and body make one todo, and all answer it', async () => {
    const ownerId = newOwner();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        createWithKey(documentClient, tableName, { ownerId, key: 'k', input, now, place: inboxOf(ownerId) }),
      ),
    );
    expect(new Set(outcomes.map((outcome) => outcome.todo.id)).size).toBe(1);
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(await todoIds(ownerId)).toHaveLength(1);
  });

  it('a replay after the person deleted the todo answers the first todo and does not bring it back', async () => {
    const ownerId = newOwner();
    const first = await createWithKey(documentClient, tableName, {
      ownerId,
      key: 'k',
      input,
      now,
      place: inboxOf(ownerId),
    });
    await documentClient.send(
      new DeleteCommand({ TableName: tableName, Key: todoKey(ownerId, first.todo.id) }),
    );
    const replay = await createWithKey(documentClient, tableName, {
      ownerId,
      key: 'k',
      input,
      now,
      place: inboxOf(ownerId),
    });
    expect(replay).toEqual({ todo: first.todo, replayed: true });
    expect(await todoIds(ownerId)).toEqual([]);
  });

  it('the key with another body is refused with idempotency_key_reused, and nothing more is made', async () => {
    const ownerId = newOwner();
    await createWithKey(documentClient, tableName, {
      ownerId,
      key: 'k',
      input,
      now,
      place: inboxOf(ownerId),
    });
    const reused = createWithKey(documentClient, tableName, {
      ownerId,
      key: 'k',
      input: { ...input, title: 'Pay the rent' },
      now,
      place: inboxOf(ownerId),
    });
    await expect(reused).rejects.toSatisfy(
      (error) => isTodoApiError(error) && error.code === 'idempotency_key_reused',
    );
    expect(await todoIds(ownerId)).toHaveLength(1);
  });

  it('a key used again after its day is over makes a new todo', async () => {
    const ownerId = newOwner();
    const first = await createWithKey(documentClient, tableName, {
      ownerId,
      key: 'k',
      input,
      now,
      place: inboxOf(ownerId),
    });
    const later = new Date(now.getTime() + (IDEMPOTENCY_KEY_TTL_SECONDS + 1) * 1000);
    const second = await createWithKey(documentClient, tableName, {
      ownerId,
      key: 'k',
      input,
      now: later,
      place: inboxOf(ownerId),
    });
    expect(second.replayed).toBe(false);
    expect(second.todo.id).not.toBe(first.todo.id);
    expect(await todoIds(ownerId)).toHaveLength(2);
  });

  it('two owners using one key each get their own todo', async () => {
    const [a, b] = [newOwner(), newOwner()];
    const forA = await createWithKey(documentClient, tableName, {
      ownerId: a,
      key: 'shared',
      input,
      now,
      place: inboxOf(a),
    });
    const forB = await createWithKey(documentClient, tableName, {
      ownerId: b,
      key: 'shared',
      input,
      now,
      place: inboxOf(b),
    });
    expect(forB.replayed).toBe(false);
    expect(forA.todo.id).not.toBe(forB.todo.id);
  });
});
