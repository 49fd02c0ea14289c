import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { tableDefinition, upgradeItems } from '@todolist/handlers';
import type { Todo, TodoPage } from '@todolist/sdk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolder } from '../src/data/data-folder.js';
import { startDynalite } from '../src/data/dynalite.js';
import { waitForTable } from '../src/data/table.js';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { startLocalStack } from '../src/local-stack.js';

// A data folder made before lists: its table has no secondary indexes and its todos no list.
// Starting today's gateway on it migrates it (data/table.ts), and nothing is lost.

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-migrate-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The table as versions before lists made it: keys only, no indexes. */
function tableBeforeLists(tableName: string) {
  const { LocalSecondaryIndexes: _indexes, AttributeDefinitions, ...rest } = tableDefinition(tableName);
  return {
    ...rest,
    AttributeDefinitions: AttributeDefinitions?.filter(
      (a) => a.AttributeName === 'pk' || a.AttributeName === 'sk',
    ),
  };
}

/** Opens the data folder's database directly, as an older gateway left it. */
async function withDatabase(run: (client: DynamoDBClient) => Promise<void>) {
  const database = await startDynalite({ path: new DataFolder(dataDir).path('database') });
  const client = new DynamoDBClient({
    endpoint: database.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await run(client);
  } finally {
    client.destroy();
    await database.close();
  }
}

async function todosOf(url: string, email: string): Promise<Todo[]> {
  const { accessToken } = await signInLocally(url, email);
  const response = await fetch(new URL('/v1/todos?limit=100', url), {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return ((await response.json()) as TodoPage).items;
}

/** A data folder of version 1: one person's 30 todos and an Idempotency-Key claim, in the old table. */
async function olderDataFolder(): Promise<{ owner: string; ids: string[] }> {
  // Start once for the folder's signing key (which fixes the person's sub), and learn that sub.
  const first = await startLocalStack({ dataDir, port: 0 });
  const { accessToken } = await signInLocally(first.url, 'ada@example.test');
  const made = await fetch(new URL('/v1/todos', first.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'probe' }),
  });
  const owner = ((await made.json()) as Todo).createdBy;
  await first.close();
  const ids = Array.from(
    { length: 30 },
    (_, index) => `01JA0000000000000000000${String(index).padStart(3, '0')}`,
  );
  await withDatabase(async (client) => {
    await client.send(new DeleteTableCommand({ TableName: 'todolist' }));
    await waitForTable(client, 'todolist', false);
    await client.send(new CreateTableCommand(tableBeforeLists('todolist')));
    await waitForTable(client, 'todolist', true);
    for (const [index, id] of ids.entries()) {
      await client.send(
        new PutItemCommand({
          TableName: 'todolist',
          Item: marshall({
            pk: `USER#${owner}`,
            sk: `TODO#${id}`,
            title: `Old ${index}`,
            completed: index % 3 === 0,
            priority: 'normal',
            tags: ['kept'],
            createdAt: '2026-06-01T00:00:00.000Z',
            updatedAt: '2026-06-01T00:00:00.000Z',
            version: 1 + (index % 2),
          }),
        }),
      );
    }
    await client.send(
      new PutItemCommand({
        TableName: 'todolist',
        Item: marshall({ pk: `USER#${owner}`, sk: 'IDEMPOTENCY#k-1', requestHash: 'x', expiration: 1 }),
      }),
    );
  });
  return { owner, ids };
}

// Each test starts a stack on a data folder two or three times: room for a loaded machine.
describe('a data folder from before lists', { timeout: 120_000 }, () => {
  it('is migrated at start: every todo in its owner’s Inbox, in creation order, fields and versions kept', async () => {
    const { owner, ids } = await olderDataFolder();
    const stack = await startLocalStack({ dataDir, port: 0 });
    try {
      const todos = await todosOf(stack.url, 'ada@example.test');
      expect(todos.map((todo) => todo.id)).toEqual(ids);
      expect(todos[5]).toMatchObject({
        title: 'Old 5',
        completed: false,
        tags: ['kept'],
        version: 2,
        listId: 'inbox',
        createdBy: owner,
        updatedBy: owner,
      });
      const positions = todos.map((todo) => todo.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(ids.length);
    } finally {
      await stack.close();
    }
    await withDatabase(async (client) => {
      const table = (await client.send(new DescribeTableCommand({ TableName: 'todolist' }))).Table;
      expect(table?.LocalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
        'byChange',
        'byDue',
        'byList',
        'byPosition',
        'byPriority',
      ]);
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['todolist']);
    });
  });
  it('resumes a migration that a crash cut short after its copy was complete, with nothing lost', async () => {
    const { ids } = await olderDataFolder();
    // The state a crash leaves between dropping the old table and making it again: only the
    // complete copy, `todolist-next`, in today's shape.
    await withDatabase(async (client) => {
      await ensureTableCopyOnly(client);
    });
    const stack = await startLocalStack({ dataDir, port: 0 });
    try {
      expect((await todosOf(stack.url, 'ada@example.test')).map((todo) => todo.id)).toEqual(ids);
    } finally {
      await stack.close();
    }
    await withDatabase(async (client) => {
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['todolist']);
    });
  });
  it('starts again from the old table when a crash cut the copy short, with nothing lost or doubled', async () => {
    const { ids } = await olderDataFolder();
    await withDatabase(async (client) => {
      // Half a copy and no completion mark: what a crash during the copy leaves.
      await client.send(new CreateTableCommand(tableDefinition('todolist-next')));
      await waitForTable(client, 'todolist-next', true);
      const items =
        (await client.send(new ScanCommand({ TableName: 'todolist', ConsistentRead: true }))).Items ?? [];
      for (const item of items.slice(0, 10))
        await client.send(new PutItemCommand({ TableName: 'todolist-next', Item: item }));
    });
    const stack = await startLocalStack({ dataDir, port: 0 });
    try {
      expect((await todosOf(stack.url, 'ada@example.test')).map((todo) => todo.id)).toEqual(ids);
    } finally {
      await stack.close();
    }
  });
});

describe('a data folder from before sort=due', { timeout: 120_000 }, () => {
  it('is migrated at start: its todos listed by due day and by priority, nothing lost', async () => {
    const first = await startLocalStack({ dataDir, port: 0 });
    const { accessToken } = await signInLocally(first.url, 'ada@example.test');
    const made: Todo[] = [];
    for (const [title, dueDate, priority] of [
      ['Later', '2026-12-20', 'high'],
      ['Someday', undefined, 'normal'],
      ['Soon', '2026-12-05', 'low'],
    ] as const) {
      const response = await fetch(new URL('/v1/todos', first.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, priority, ...(dueDate ? { dueDate } : {}) }),
      });
      made.push((await response.json()) as Todo);
    }
    await first.close();
    // The table as the version before sort=due left it: three indexes, todos without their keys.
    await withDatabase(async (client) => {
      const items =
        (await client.send(new ScanCommand({ TableName: 'todolist', ConsistentRead: true }))).Items ?? [];
      await client.send(new DeleteTableCommand({ TableName: 'todolist' }));
      await waitForTable(client, 'todolist', false);
      const definition = tableDefinition('todolist');
      const older = new Set(['byList', 'byPosition', 'byChange']);
      await client.send(
        new CreateTableCommand({
          ...definition,
          AttributeDefinitions: definition.AttributeDefinitions?.filter(
            (a) => a.AttributeName !== 'dueOrder' && a.AttributeName !== 'priorityOrder',
          ),
          LocalSecondaryIndexes: definition.LocalSecondaryIndexes?.filter((index) =>
            older.has(index.IndexName as string),
          ),
        }),
      );
      await waitForTable(client, 'todolist', true);
      for (const item of items) {
        const { dueOrder: _due, priorityOrder: _priority, ...rest } = item;
        await client.send(new PutItemCommand({ TableName: 'todolist', Item: rest }));
      }
    });
    const stack = await startLocalStack({ dataDir, port: 0 });
    try {
      const { accessToken: again } = await signInLocally(stack.url, 'ada@example.test');
      const titles = async (sort: string) => {
        const response = await fetch(new URL(`/v1/todos?sort=${sort}`, stack.url), {
          headers: { authorization: `Bearer ${again}` },
        });
        return ((await response.json()) as TodoPage).items.map((todo) => todo.title);
      };
      expect(await titles('due')).toEqual(['Soon', 'Later', 'Someday']);
      expect(await titles('priority')).toEqual(['Later', 'Someday', 'Soon']);
      expect(await titles('created')).toEqual(made.map((todo) => todo.title));
    } finally {
      await stack.close();
    }
  });
});

/** Runs the migration's first half by hand: the copy made and marked complete, the old table dropped. */
async function ensureTableCopyOnly(client: DynamoDBClient): Promise<void> {
  await client.send(new CreateTableCommand(tableDefinition('todolist-next')));
  await waitForTable(client, 'todolist-next', true);
  const items =
    (await client.send(new ScanCommand({ TableName: 'todolist', ConsistentRead: true }))).Items ?? [];
  const upgraded = upgradeItems(items.map((item) => unmarshall(item) as { pk: string; sk: string }));
  for (const item of [...upgraded, { pk: 'MIGRATION', sk: 'COMPLETE' }]) {
    await client.send(new PutItemCommand({ TableName: 'todolist-next', Item: marshall(item) }));
  }
  await client.send(new DeleteTableCommand({ TableName: 'todolist' }));
  await waitForTable(client, 'todolist', false);
}
