import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { itemAt, streamRecord } from '../../test/support/stream-records.js';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from '../store/client.js';
import { connectionKey, keyClaimKey, listKey, profileKey, sharedRefKey, todoKey } from '../store/keys.js';
import { ListStore } from '../store/list-store.js';
import { MemberStore } from '../store/member-store.js';
import { TodoStore } from '../store/todo-store.js';
import { audienceOf } from './audience.js';
import { LIVE_STREAM_FILTERS } from './stream-filter.js';
import { changedItemOf } from './stream-records.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());
const table = { client: documentClient, name: tableName };
const cursorSigningKey = async () => 'filter-test-key';
const todos = new TodoStore(documentClient, { tableName, cursorSigningKey });
const lists = new ListStore(documentClient, { tableName, cursorSigningKey });
const members = new MemberStore(documentClient, { tableName });

// Lambda's filter rules, as far as these patterns use them (EventBridge pattern syntax): a
// leaf's array is an OR of values, `prefix` and `exists` matchers; any other matcher fails the test.
function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((rule) => matchesRule(rule, value));
  if (typeof pattern !== 'object' || pattern === null)
    throw new Error(`unexpected pattern ${String(pattern)}`);
  return Object.entries(pattern).every(([name, inner]) => {
    const field = (value as Record<string, unknown> | undefined)?.[name];
    return matches(inner, field);
  });
}
function matchesRule(rule: unknown, value: unknown): boolean {
  if (typeof rule === 'string') return value === rule;
  const { prefix, exists, ...other } = rule as { prefix?: string; exists?: boolean };
  if (Object.keys(other).length > 0) throw new Error(`unsupported matcher ${JSON.stringify(rule)}`);
  if (prefix !== undefined) return typeof value === 'string' && value.startsWith(prefix);
  if (exists !== undefined) return (value !== undefined) === exists;
  throw new Error(`empty matcher ${JSON.stringify(rule)}`);
}
const passes = (record: DynamoDBRecord) => LIVE_STREAM_FILTERS.some((pattern) => matches(pattern, record));

async function recordAt(key: { pk: string; sk: string }, act: () => Promise<unknown>) {
  const before = await itemAt(documentClient, tableName, key);
  await act();
  return streamRecord(key, before, await itemAt(documentClient, tableName, key));
}

let count = 0;
async function signedIn() {
  const id = `filter-${++count}-${Date.now()}`;
  await members.recordSignIn(id, `${id}@example.test`);
  return { id, email: `${id}@example.test` };
}

describe("the pusher's stream filter", () => {
  it('lets through every write someone hears of: todos, lists, members and shared-list references, made and ended', async () => {
    const [owner, friend] = [await signedIn(), await signedIn()];
    const list = await lists.create(owner.id, { name: 'Shared' });
    const joined = await recordAt(sharedRefKey(friend.id, list.id), () =>
      members.add(owner.id, list.id, friend.email),
    );
    const todo = await todos.create(owner.id, { title: 'On it', listId: list.id });
    const key = todoKey(owner.id, todo.id);
    const records = [
      joined,
      await recordAt(key, () => todos.update(owner.id, todo.id, { completed: true })),
      await recordAt(key, () => todos.delete(owner.id, todo.id)),
      await recordAt(listKey(owner.id, list.id), () => lists.update(owner.id, list.id, { name: 'Renamed' })),
      await recordAt(sharedRefKey(friend.id, list.id), () => members.remove(owner.id, list.id, friend.id)),
    ];
    for (const record of records) {
      const changed = changedItemOf(record);
      expect(
        changed && (await audienceOf(table, changed)).size,
        record.dynamodb?.Keys?.sk?.S,
      ).toBeGreaterThan(0);
      expect(passes(record), `${record.eventName} ${record.dynamodb?.Keys?.sk?.S}`).toBe(true);
    }
  });

  it("drops what no one hears of: TTL's removal of a tombstone, live connections, claims and profiles", async () => {
    const owner = await signedIn();
    const todo = await todos.create(owner.id, { title: 'Gone' });
    await todos.delete(owner.id, todo.id);
    const key = todoKey(owner.id, todo.id);
    const tombstone = await itemAt(documentClient, tableName, key);
    const connection = { ...connectionKey(owner.id, 'eu-west-1', 'c1'), expiration: 1 };
    const dropped = [
      streamRecord(key, tombstone, undefined, { ttl: true }),
      streamRecord(connectionKey(owner.id, 'eu-west-1', 'c1'), undefined, connection),
      streamRecord(connectionKey(owner.id, 'eu-west-1', 'c1'), connection, undefined),
      streamRecord(keyClaimKey(owner.id, 'k1'), { ...keyClaimKey(owner.id, 'k1'), expiration: 1 }, undefined),
      streamRecord(profileKey(owner.id), undefined, { ...profileKey(owner.id), email: owner.email }),
    ];
    for (const record of dropped) expect(passes(record), record.dynamodb?.Keys?.sk?.S).toBe(false);
  });
});
