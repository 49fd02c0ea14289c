import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../config.js';
import { isTodoApiError } from '../errors.js';
import { createDynamoDbClients } from './client.js';
import { type ImportEntry, type ImportOptions, importTodos } from './import-todos.js';
import { idFromSortKey, ownerPartition, todoKey } from './keys.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
const ulid = monotonicFactory();

afterAll(() => client.destroy());

type Key = Record<string, unknown> & { sk: string };

/** One call the wrapped client received: its kind, its number among calls of that kind (from 0), its ids. */
interface StoreCall {
  kind: 'write' | 'read';
  call: number;
  ids: string[];
}

/** The ids of the call that DynamoDB should refuse as throttled (writes) or leave unprocessed (batch reads). */
type Throttle = (call: StoreCall) => string[];

/** DynamoDB's answer to a write the table has no capacity for, once the AWS SDK's own retries are spent. */
const throughputExceeded = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate of requests exceeds the allowed throughput',
    $metadata: {},
  });

/**
 * The real document client with DynamoDB's throttling played back: a PutItem the throttle names
 * fails with ProvisionedThroughputExceededException, and BatchGetItem answers the keys it names
 * as UnprocessedKeys, as DynamoDB does when a partition is busy. Records every id written.
 */
function throttledClient(throttle: Throttle) {
  const calls = { write: 0, read: 0, query: 0 };
  const written: string[] = [];
  async function send(command: unknown): Promise<unknown> {
    if (command instanceof PutCommand) {
      const id = idFromSortKey(String(command.input.Item?.sk));
      if (throttle({ kind: 'write', call: calls.write++, ids: [id] }).includes(id))
        throw throughputExceeded();
      const answer = await documentClient.send(command);
      written.push(id);
      return answer;
    }
    if (command instanceof BatchGetCommand) {
      const request = command.input.RequestItems?.[tableName];
      const all = (request?.Keys ?? []) as Key[];
      const held = new Set(
        throttle({ kind: 'read', call: calls.read++, ids: all.map((key) => idFromSortKey(key.sk)) }),
      );
      const sent = all.filter((key) => !held.has(idFromSortKey(key.sk)));
      const kept = all.filter((key) => held.has(idFromSortKey(key.sk)));
      const answer =
        sent.length > 0
          ? await documentClient.send(
              new BatchGetCommand({ RequestItems: { [tableName]: { ...request, Keys: sent } } }),
            )
          : { Responses: { [tableName]: [] } };
      return {
        ...answer,
        UnprocessedKeys: kept.length > 0 ? { [tableName]: { ...request, Keys: kept } } : {},
      };
    }
    if (command instanceof QueryCommand) calls.query++;
    return documentClient.send(command as QueryCommand);
  }
  // Only `send` is used by the store; the rest of the client's surface is not needed.
  return { client: { send } as unknown as DynamoDBDocumentClient, written, calls };
}

/** The ids the owner has in the table. */
async function storedIds(ownerId: string): Promise<string[]> {
  const answer = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': ownerPartition(ownerId) },
      ConsistentRead: true,
    }),
  );
  return (answer.Items ?? []).map((item) => idFromSortKey(String(item.sk)));
}

const entries = (count: number): ImportEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    id: ulid(),
    input: { title: `Imported ${index}` },
    place: { listId: 'inbox', position: `a${index}` },
  }));
const idsOf = (list: readonly ImportEntry[]) => list.map((entry) => entry.id);

/**
 * Stores `count` todos of the owner with ids made now: todos made before them sort before, todos
 * made after sort after, so an import of ids from both sides spans a crowded range.
 */
async function crowd(ownerId: string, count: number): Promise<void> {
  await importTodos(documentClient, ownerId, entries(count), recordingOptions());
}

/** Options with a sleep that records how long it was asked to wait and resolves at once. */
function recordingOptions(): ImportOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    tableName,
    now: new Date().toISOString(),
    by: 'importer',
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

const expectGrowing = (sleeps: number[]) => {
  for (const [index, ms] of sleeps.entries())
    expect(ms).toBeGreaterThan(index === 0 ? 0 : (sleeps[index - 1] ?? 0));
};

beforeEach(() => {
  // The backoff has full jitter; a fixed draw makes its growth visible.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importTodos (store)', () => {
  it('of 20 imports of one id at once, one creates it and 19 find it existing, with the first content kept', async () => {
    const owner = 'racing-imports';
    const id = ulid();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        importTodos(
          documentClient,
          owner,
          [{ id, input: { title: `Attempt ${index}` }, place: { listId: 'inbox', position: 'a0' } }],
          recordingOptions(),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.created.has(id))).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.existing.has(id))).toHaveLength(19);
    const winner = outcomes.findIndex((outcome) => outcome.created.has(id));
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: todoKey(owner, id), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ title: `Attempt ${winner}`, version: 1 });
  });

  it('never overwrites a todo made and changed after its id was looked up: it comes out existing', async () => {
    const owner = 'stale-read';
    const [entry] = entries(1) as [ImportEntry];
    // The lookup sees nothing (as a retry that read before the first attempt wrote), then the todo
    // is made and changed before this import writes.
    const blind = {
      send: async (command: unknown) => {
        if (command instanceof QueryCommand) {
          await importTodos(documentClient, owner, [entry], recordingOptions());
          await documentClient.send(
            new UpdateCommand({
              TableName: tableName,
              Key: todoKey(owner, entry.id),
              UpdateExpression: 'SET title = :title, version = :version',
              ExpressionAttributeValues: { ':title': 'Changed by a PATCH', ':version': 2 },
            }),
          );
          return { Items: [] };
        }
        return documentClient.send(command as PutCommand);
      },
    } as unknown as DynamoDBDocumentClient;
    const outcome = await importTodos(blind, owner, [entry], recordingOptions());
    expect([...outcome.existing]).toEqual([entry.id]);
    expect(outcome.created.size).toBe(0);
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: todoKey(owner, entry.id), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ title: 'Changed by a PATCH', version: 2 });
  });

  it('finds the ids already there with one range Query, reading no key one by one, when the range holds only them', async () => {
    const owner = 'range-alone';
    const before = entries(60);
    await importTodos(documentClient, owner, before, recordingOptions());
    const after = entries(40);
    const { client, written, calls } = throttledClient(() => []);
    const outcome = await importTodos(client, owner, [...after, ...before], recordingOptions());

    expect([...outcome.existing].sort()).toEqual(idsOf(before));
    expect([...outcome.created]).toEqual(idsOf(after));
    expect(written.sort()).toEqual(idsOf(after));
    expect(calls).toMatchObject({ query: 1, read: 0 });
  });

  it('looks up by key the ids past where a crowded range stopped, finding every one already there', async () => {
    const owner = 'range-crowded';
    const early = entries(20);
    await importTodos(documentClient, owner, early.slice(0, 10), recordingOptions());
    await crowd(owner, 250);
    const late = entries(20);
    await importTodos(documentClient, owner, late.slice(10), recordingOptions());
    const { client, written, calls } = throttledClient(() => []);
    const outcome = await importTodos(client, owner, [...early, ...late], recordingOptions());

    expect([...outcome.existing].sort()).toEqual([...idsOf(early.slice(0, 10)), ...idsOf(late.slice(10))]);
    expect([...outcome.created].sort()).toEqual([...idsOf(early.slice(10)), ...idsOf(late.slice(0, 10))]);
    expect(written).toHaveLength(20);
    expect(calls.query).toBe(1);
    expect(calls.read).toBe(1);
    expect(await storedIds(owner)).toHaveLength(20 + 250 + 20);
  });

  it('retries the keys BatchGetItem leaves unprocessed, so no item already there is written again', async () => {
    const owner = 'reads-throttled';
    // New ids, then 250 others, then ids already there: the range Query stops among the others.
    const after = entries(5);
    await crowd(owner, 250);
    const before = entries(10);
    await importTodos(documentClient, owner, before, recordingOptions());
    const { client, written } = throttledClient(({ kind, call, ids }) =>
      kind === 'read' && call < 3 ? ids.filter((id) => idsOf(before).includes(id)).slice(call * 3) : [],
    );
    const options = recordingOptions();
    const outcome = await importTodos(client, owner, [...before, ...after], options);

    expect([...outcome.existing].sort()).toEqual(idsOf(before));
    expect([...outcome.created]).toEqual(idsOf(after));
    expect(written.sort()).toEqual(idsOf(after));
    expect(options.sleeps).toHaveLength(3);
    expectGrowing(options.sleeps);
  });

  it('answers 503 service_unavailable with Retry-After when DynamoDB throttles writes; what was written is "existing" next time', async () => {
    const owner = 'always-throttled';
    const list = entries(40);
    const stuck = new Set(idsOf(list).filter((_, index) => index % 4 === 0));
    const { client, written } = throttledClient(({ kind, ids }) =>
      kind === 'write' ? ids.filter((id) => stuck.has(id)) : [],
    );

    const failure = await importTodos(client, owner, list, recordingOptions()).catch(
      (error: unknown) => error,
    );
    expect(isTodoApiError(failure)).toBe(true);
    expect(failure).toMatchObject({
      code: 'service_unavailable',
      status: 503,
      headers: { 'Retry-After': '1' },
    });
    // Every other write was still made before the answer: nothing lands after the 503.
    const landed = idsOf(list).filter((id) => !stuck.has(id));
    expect(written.sort()).toEqual(landed);
    expect((await storedIds(owner)).sort()).toEqual(landed);

    const retried = await importTodos(documentClient, owner, list, recordingOptions());
    expect([...retried.existing].sort()).toEqual(landed);
    expect([...retried.created].sort()).toEqual([...stuck].sort());
    expect((await storedIds(owner)).sort()).toEqual(idsOf(list));
  });

  it('answers 503 after 8 BatchGetItem attempts whose keys stay unprocessed, writing nothing', async () => {
    const owner = 'reads-stuck';
    const [first] = entries(1);
    await crowd(owner, 10);
    const list = [first as ImportEntry, ...entries(2)];
    const { client, written, calls } = throttledClient(({ kind, ids }) => (kind === 'read' ? ids : []));
    const options = recordingOptions();
    await expect(importTodos(client, owner, list, options)).rejects.toMatchObject({
      code: 'service_unavailable',
      headers: { 'Retry-After': '1' },
    });
    expect(calls.read).toBe(8);
    expect(options.sleeps).toHaveLength(7);
    expect(written).toEqual([]);
    expect(await storedIds(owner)).toHaveLength(10);
  });
});
