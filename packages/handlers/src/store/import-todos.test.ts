import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../config.js';
import { isTodoApiError } from '../http/errors.js';
import { createDynamoDbClients } from './client.js';
import { type ImportEntry, type ImportOptions, importTodos } from './import-todos.js';
import { idFromSortKey, ownerPartition } from './keys.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
const ulid = monotonicFactory();

afterAll(() => client.destroy());

type Key = Record<string, unknown> & { sk: string };
type WriteRequest = { PutRequest: { Item: Key } };

/** One batch call the wrapped client received: its kind, its number among calls of that kind (from 0), its ids. */
interface BatchCall {
  kind: 'write' | 'read';
  call: number;
  ids: string[];
}

/** The ids of the call that DynamoDB should "leave unprocessed": they go unanswered and unwritten. */
type Throttle = (call: BatchCall) => string[];

/**
 * The real document client with DynamoDB's throttling of batch calls played back: the ids the
 * throttle names are left out of the request and answered as UnprocessedItems/UnprocessedKeys,
 * as DynamoDB does when a partition is busy. Records every id actually written.
 */
function throttledClient(throttle: Throttle) {
  const calls = { write: 0, read: 0, query: 0 };
  const written: string[] = [];
  const split = <T extends Key | WriteRequest>(
    kind: BatchCall['kind'],
    all: T[],
    idOf: (item: T) => string,
  ) => {
    const held = new Set(throttle({ kind, call: calls[kind]++, ids: all.map(idOf) }));
    return [all.filter((item) => !held.has(idOf(item))), all.filter((item) => held.has(idOf(item)))] as const;
  };
  async function send(command: unknown): Promise<unknown> {
    if (command instanceof BatchWriteCommand) {
      const requests = (command.input.RequestItems?.[tableName] ?? []) as WriteRequest[];
      const [sent, held] = split('write', requests, (request) => idFromSortKey(request.PutRequest.Item.sk));
      if (sent.length > 0) {
        const answer: BatchWriteCommandOutput = await documentClient.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: sent } }),
        );
        expect(answer.UnprocessedItems?.[tableName] ?? []).toEqual([]);
        written.push(...sent.map((request) => idFromSortKey(request.PutRequest.Item.sk)));
      }
      return { UnprocessedItems: held.length > 0 ? { [tableName]: held } : {} };
    }
    if (command instanceof BatchGetCommand) {
      const request = command.input.RequestItems?.[tableName];
      const [sent, held] = split('read', (request?.Keys ?? []) as Key[], (key) => idFromSortKey(key.sk));
      const answer =
        sent.length > 0
          ? await documentClient.send(
              new BatchGetCommand({ RequestItems: { [tableName]: { ...request, Keys: sent } } }),
            )
          : { Responses: { [tableName]: [] } };
      return {
        ...answer,
        UnprocessedKeys: held.length > 0 ? { [tableName]: { ...request, Keys: held } } : {},
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
  Array.from({ length: count }, (_, index) => ({ id: ulid(), input: { title: `Imported ${index}` } }));
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
  it('writes every item exactly once when BatchWriteItem leaves half unprocessed, waiting longer before each retry', async () => {
    const owner = 'half-throttled';
    const list = entries(20);
    const { client, written } = throttledClient(({ kind, call, ids }) =>
      kind === 'write' && call < 4 ? ids.slice(Math.ceil(ids.length / 2)) : [],
    );
    const options = recordingOptions();
    const outcome = await importTodos(client, owner, list, options);

    expect([...outcome.created]).toEqual(idsOf(list));
    expect(outcome.existing.size).toBe(0);
    expect(written.sort()).toEqual(idsOf(list));
    expect((await storedIds(owner)).sort()).toEqual(idsOf(list));
    expect(options.sleeps).toHaveLength(4);
    expectGrowing(options.sleeps);
  });

  it('retries the unprocessed items of every chunk when several chunks are throttled at once', async () => {
    const owner = 'chunks-throttled';
    const list = entries(90);
    const { client, written, calls } = throttledClient(({ kind, call, ids }) =>
      kind === 'write' && call < 4 ? ids.filter((_, index) => index % 3 === 0) : [],
    );
    const options = recordingOptions();
    const outcome = await importTodos(client, owner, list, options);

    expect(outcome.created.size).toBe(90);
    expect(written.sort()).toEqual(idsOf(list));
    expect((await storedIds(owner)).sort()).toEqual(idsOf(list));
    expect(calls.write).toBe(8);
    expect(options.sleeps).toHaveLength(4);
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

  it('answers 503 service_unavailable with Retry-After after 8 attempts of items that stay unprocessed; what was written is "existing" next time', async () => {
    const owner = 'always-throttled';
    const list = entries(40);
    const stuck = new Set(idsOf(list).filter((_, index) => index % 4 === 0));
    const sent = new Map<string, number>();
    const { client, written } = throttledClient(({ kind, ids }) => {
      if (kind === 'read') return [];
      for (const id of ids) sent.set(id, (sent.get(id) ?? 0) + 1);
      return ids.filter((id) => stuck.has(id));
    });
    const options = recordingOptions();

    const failure = await importTodos(client, owner, list, options).catch((error: unknown) => error);
    expect(isTodoApiError(failure)).toBe(true);
    expect(failure).toMatchObject({
      code: 'service_unavailable',
      status: 503,
      headers: { 'Retry-After': '1' },
    });
    for (const id of stuck) expect(sent.get(id), id).toBe(8);
    const landed = idsOf(list).filter((id) => !stuck.has(id));
    expect(written.sort()).toEqual(landed);
    // Two chunks, each waiting before its 7 retries: the same 7 growing waits, interleaved.
    expect(options.sleeps).toHaveLength(14);
    const waits = [...new Set(options.sleeps)];
    expect(waits).toHaveLength(7);
    expectGrowing(waits);

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
