import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Todo } from '@todolist/sdk/contract';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from './client.js';
import { ListStore } from './list-store.js';
import { MemberStore } from './member-store.js';
import { TodoStore } from './todo-store.js';

// What a move costs and what a crash part-way leaves, counted on the store's own DynamoDB calls.

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

const cursorSigningKey = async () => 'moves-test-key';
const todos = new TodoStore(documentClient, { tableName, cursorSigningKey });
const lists = new ListStore(documentClient, { tableName, cursorSigningKey });
const members = new MemberStore(documentClient, { tableName });

let people = 0;
const newPerson = () => `00000000-0000-4000-8000-${String(++people).padStart(4, '0')}${Date.now() % 1e8}`;

const WRITES = [PutCommand, UpdateCommand, DeleteCommand, BatchWriteCommand];
const isWrite = (command: unknown) => WRITES.some((kind) => command instanceof kind);

/** The writes `run` makes through the store's client. */
async function writesOf(run: () => Promise<unknown>): Promise<string[]> {
  const send = vi.spyOn(documentClient, 'send');
  try {
    await run();
    return send.mock.calls
      .map(([command]) => command)
      .filter(isWrite)
      .map((command) => command.constructor.name);
  } finally {
    send.mockRestore();
  }
}

describe('a move within one person’s lists', () => {
  it('is one write, whatever the list’s length, and renumbers no other todo', async () => {
    const owner = newPerson();
    const list = await lists.create(owner, { name: 'Long' });
    const made: Todo[] = [];
    for (let index = 0; index < 60; index++)
      made.push(await todos.create(owner, { title: `T${index}`, listId: list.id }));
    const before = new Map(made.map((todo) => [todo.id, todo.position]));
    const last = made.at(-1)?.id as string;
    const middle = made[30]?.id as string;
    expect(await writesOf(() => todos.update(owner, last, { after: null }))).toEqual(['UpdateCommand']);
    expect(await writesOf(() => todos.update(owner, middle, { after: made[2]?.id }))).toEqual([
      'UpdateCommand',
    ]);
    expect(await writesOf(() => todos.update(owner, middle, { listId: 'inbox' }))).toEqual(['UpdateCommand']);
    const after = (await todos.list(owner, { listId: list.id, sort: 'manual', status: 'all', limit: 100 }))
      .items;
    const moved = new Set([last, middle]);
    for (const todo of after) if (!moved.has(todo.id)) expect(todo.position).toBe(before.get(todo.id));
    expect(after[0]?.id).toBe(last);
  });
});

describe('a move to a list in another person’s partition', () => {
  /** A shares a list with B and B has a todo in their Inbox. */
  async function sharedSetUp() {
    const [a, b] = [newPerson(), newPerson()];
    await members.recordSignIn(b, `${b}@example.test`);
    const shared = await lists.create(a, { name: 'Shared' });
    await members.add(a, shared.id, `${b}@example.test`);
    const todo = await todos.create(b, { title: 'Cross over' });
    return { a, b, shared, todo };
  }

  it('is three writes (mark, copy, tombstone), and the todo keeps its id, now on the shared list', async () => {
    const { a, b, shared, todo } = await sharedSetUp();
    expect(await writesOf(() => todos.update(b, todo.id, { listId: shared.id }))).toEqual([
      'UpdateCommand',
      'PutCommand',
      'UpdateCommand',
    ]);
    expect(await todos.get(a, todo.id)).toMatchObject({ listId: shared.id, version: 2, updatedBy: b });
    const ofB = (await todos.list(b, { sort: 'created', status: 'all', limit: 100 })).items;
    expect(ofB.filter((item) => item.id === todo.id)).toHaveLength(1);
  });

  it.each([
    ['after the mark', 1],
    ['after the copy', 2],
  ])(
    'stopped %s (a crash), shows the todo once, and the next change finishes it',
    async (_when, writesDone) => {
      const { a, b, shared, todo } = await sharedSetUp();
      let writes = 0;
      const crashing = {
        send: async (command: unknown) => {
          if (isWrite(command) && ++writes > writesDone) throw new Error('SIGKILL');
          return documentClient.send(command as PutCommand);
        },
      } as unknown as DynamoDBDocumentClient;
      const dying = new TodoStore(crashing, { tableName, cursorSigningKey });
      await expect(dying.update(b, todo.id, { listId: shared.id })).rejects.toThrow('SIGKILL');

      const everything = (await todos.list(b, { sort: 'created', status: 'all', limit: 100 })).items;
      const shown = everything.filter((item) => item.id === todo.id);
      expect(shown).toHaveLength(1);
      // Before the copy, the original stands; after it, the copy on the shared list.
      const expectedList = writesDone === 1 ? 'inbox' : shared.id;
      expect(shown[0]?.listId).toBe(expectedList);
      expect((await todos.get(b, todo.id)).listId).toBe(expectedList);

      const changed = await todos.update(b, todo.id, { title: 'Crossed over' });
      expect(changed.title).toBe('Crossed over');
      const afterChange = (await todos.list(b, { sort: 'created', status: 'all', limit: 100 })).items;
      expect(afterChange.filter((item) => item.id === todo.id)).toHaveLength(1);
      if (writesDone === 2) {
        expect(
          (await todos.list(a, { listId: shared.id, sort: 'created', status: 'all', limit: 100 })).items,
        ).toEqual([expect.objectContaining({ id: todo.id, title: 'Crossed over' })]);
      }
    },
  );
});
