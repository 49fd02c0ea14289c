import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Change, ChangePage } from '@todolist/sdk/contract';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { isTodoApiError } from '../errors.js';
import { ChangesStore } from './changes-store.js';
import { createDynamoDbClients } from './client.js';
import { ListStore } from './list-store.js';
import { MemberStore } from './member-store.js';
import { newTodoItem } from './todo-item.js';
import { TodoStore } from './todo-store.js';

// The changes feed read through the stores, on dynalite: what each kind of change comes out
// as, what reading it costs, and that concurrent and late writes come out exactly once.

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

const cursorSigningKey = async () => 'changes-test-key';
const todos = new TodoStore(documentClient, { tableName, cursorSigningKey });
const lists = new ListStore(documentClient, { tableName, cursorSigningKey });
const members = new MemberStore(documentClient, { tableName });
const feed = new ChangesStore(documentClient, { tableName });

let people = 0;
const newPerson = () => `00000000-0000-4000-8000-${String(++people).padStart(4, '0')}${Date.now() % 1e8}`;

/** A person who has signed in with an address, so lists can be shared with them. */
async function signedIn(): Promise<{ id: string; email: string }> {
  const id = newPerson();
  const email = `${id}@example.test`;
  await members.recordSignIn(id, email);
  return { id, email };
}

/** Every change after `cursor`, reading pages of `limit`, and the cursor at the end. */
async function drain(
  readerId: string,
  cursor: string,
  limit = 100,
): Promise<{ changes: Change[]; cursor: string }> {
  const changes: Change[] = [];
  let at = cursor;
  for (let page = 0; page < 1000; page++) {
    const answer: ChangePage = await feed.since(readerId, { since: at, limit });
    changes.push(...answer.changes);
    at = answer.cursor;
    if (!answer.hasMore) return { changes, cursor: at };
    // More than a cursor remembers landed within the overlap: it is read once the overlap passes.
    if (answer.changes.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the feed never caught up');
}

const now = async (readerId: string) => (await feed.since(readerId, { limit: 100 })).cursor;

describe('each change comes out as what it is', () => {
  it('a create, a completion and a delete: two upserts and a delete, each with its id', async () => {
    const me = newPerson();
    const start = await now(me);
    const made = await todos.create(me, { title: 'Buy milk' });
    const gone = await todos.create(me, { title: 'Gone soon' });
    await todos.update(me, made.id, { completed: true });
    await todos.delete(me, gone.id);
    const { changes } = await drain(me, start);
    expect(changes).toEqual([
      { type: 'todo', op: 'upsert', id: made.id, todo: await todos.get(me, made.id) },
      { type: 'todo', op: 'delete', id: gone.id, listId: 'inbox', reason: 'deleted' },
    ]);
    expect(changes[0]).toMatchObject({ todo: { completed: true, version: 2 } });
  });

  it('a deleted todo is gone for every reader, and its id can be imported again', async () => {
    const me = newPerson();
    const todo = await todos.create(me, { title: 'Once' });
    await todos.delete(me, todo.id);
    await expect(todos.get(me, todo.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(todos.delete(me, todo.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(todos.update(me, todo.id, { title: 'Again' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await todos.list(me, { sort: 'created', status: 'all', limit: 25 })).items).toEqual([]);
    const [result] = await todos.importMany(me, [{ index: 0, item: { id: todo.id, title: 'Back' } }]);
    expect(result?.status).toBe('created');
    expect((await todos.get(me, todo.id)).title).toBe('Back');
  });

  it('a todo moved to a list a member cannot see leaves their view; its owner sees it move', async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const shared = await lists.create(owner.id, { name: 'Shared' });
    const secret = await lists.create(owner.id, { name: 'Private' });
    await members.add(owner.id, shared.id, member.email);
    const todo = await todos.create(owner.id, { title: 'Moves away', listId: shared.id });
    const [ownerStart, memberStart] = [await now(owner.id), await now(member.id)];
    await todos.update(owner.id, todo.id, { listId: secret.id });
    expect((await drain(member.id, memberStart)).changes).toEqual([
      { type: 'todo', op: 'delete', id: todo.id, listId: shared.id, reason: 'moved' },
    ]);
    expect((await drain(owner.id, ownerStart)).changes).toEqual([
      { type: 'todo', op: 'upsert', id: todo.id, todo: expect.objectContaining({ listId: secret.id }) },
    ]);
  });

  it('a member who moves a shared todo to a list of their own sees it arrive, not leave', async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const shared = await lists.create(owner.id, { name: 'Ours' });
    const mine = await lists.create(member.id, { name: 'Mine' });
    await members.add(owner.id, shared.id, member.email);
    const todo = await todos.create(owner.id, { title: 'Taken home', listId: shared.id });
    const [ownerStart, memberStart] = [await now(owner.id), await now(member.id)];
    await todos.update(member.id, todo.id, { listId: mine.id });
    expect((await drain(member.id, memberStart)).changes).toEqual([
      { type: 'todo', op: 'upsert', id: todo.id, todo: expect.objectContaining({ listId: mine.id }) },
    ]);
    expect((await drain(owner.id, ownerStart)).changes).toEqual([
      { type: 'todo', op: 'delete', id: todo.id, listId: shared.id, reason: 'moved' },
    ]);
  });

  it('sharing shows the list to the member; ending it says so, and the owner sees it unshared', async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const list = await lists.create(owner.id, { name: 'For a while' });
    const [ownerStart, memberStart] = [await now(owner.id), await now(member.id)];
    await members.add(owner.id, list.id, member.email);
    const joined = await drain(member.id, memberStart);
    expect(joined.changes).toEqual([
      {
        type: 'list',
        op: 'upsert',
        id: list.id,
        list: expect.objectContaining({ role: 'member', shared: true }),
      },
    ]);
    const ownerJoined = await drain(owner.id, ownerStart);
    expect(ownerJoined.changes).toEqual([
      {
        type: 'list',
        op: 'upsert',
        id: list.id,
        list: expect.objectContaining({ role: 'owner', shared: true }),
      },
    ]);
    await members.remove(owner.id, list.id, member.id);
    expect((await drain(member.id, joined.cursor)).changes).toEqual([
      { type: 'list', op: 'delete', id: list.id, reason: 'membership_ended' },
    ]);
    expect((await drain(owner.id, ownerJoined.cursor)).changes).toEqual([
      { type: 'list', op: 'upsert', id: list.id, list: expect.objectContaining({ shared: false }) },
    ]);
    // Gone for them in every way: the list and its todos.
    await expect(lists.get(member.id, list.id)).rejects.toMatchObject({ code: 'list_not_found' });
    // And shared again, it comes back.
    await members.add(owner.id, list.id, member.email);
    expect((await lists.get(member.id, list.id)).role).toBe('member');
  });

  it('a shared list renamed while the member reads the feed comes with its new name', async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const list = await lists.create(owner.id, { name: 'Shopping' });
    await members.add(owner.id, list.id, member.email);
    const start = await now(member.id);
    // The rename lands after the feed checked the member's lists, before it reads the changes.
    let rename: Promise<unknown> | undefined;
    const renamingClient = {
      send: async (command: unknown) => {
        if (command instanceof QueryCommand && command.input.IndexName) {
          rename ??= lists.update(owner.id, list.id, { name: 'Groceries' });
          await rename;
        }
        return documentClient.send(command as QueryCommand);
      },
    } as unknown as typeof documentClient;
    const racing = new ChangesStore(renamingClient, { tableName });
    const page = await racing.since(member.id, { since: start, limit: 100 });
    expect(rename).toBeDefined();
    expect(page.changes).toEqual([
      { type: 'list', op: 'upsert', id: list.id, list: expect.objectContaining({ name: 'Groceries' }) },
    ]);
  });

  it('a member hears of todos changed on a shared list, and of the list’s deletion', async () => {
    const owner = await signedIn();
    const member = await signedIn();
    const list = await lists.create(owner.id, { name: 'Groceries' });
    await members.add(owner.id, list.id, member.email);
    await todos.create(owner.id, { title: 'Not shared' });
    const start = await now(member.id);
    const eggs = await todos.create(owner.id, { title: 'Eggs', listId: list.id });
    await todos.create(owner.id, { title: 'Still not shared' });
    await todos.update(member.id, eggs.id, { completed: true });
    const seen = await drain(member.id, start);
    expect(seen.changes).toEqual([
      { type: 'todo', op: 'upsert', id: eggs.id, todo: expect.objectContaining({ completed: true }) },
    ]);
    await lists.delete(owner.id, list.id, { todos: 'delete' });
    expect((await drain(member.id, seen.cursor)).changes).toEqual([
      { type: 'list', op: 'delete', id: list.id, reason: 'deleted' },
    ]);
  });
});

describe('the cursor', () => {
  it('older than the feed keeps is refused with 410 sync_expired', async () => {
    const me = newPerson();
    const cursor = await now(me);
    const later = new ChangesStore(documentClient, {
      tableName,
      now: () => new Date(Date.now() + 31 * 24 * 60 * 60 * 1000),
    });
    const refusal = await later.since(me, { since: cursor, limit: 10 }).catch((error: unknown) => error);
    expect(isTodoApiError(refusal) && [refusal.status, refusal.code]).toEqual([410, 'sync_expired']);
  });

  it('that is not one of the feed’s is a 400 invalid_cursor', async () => {
    for (const since of ['c1_nonsense_', 'x', 'c1_01JZZZZZZZ_ABC']) {
      const refusal = await feed.since(newPerson(), { since, limit: 10 }).catch((error: unknown) => error);
      expect(isTodoApiError(refusal) && refusal.code, since).toBe('invalid_cursor');
    }
  });

  it('a write that becomes readable after a later one was delivered still comes, once', async () => {
    const me = newPerson();
    const start = await now(me);
    const first = await todos.create(me, { title: 'Seen first' });
    const page = await drain(me, start);
    expect(page.changes.map((change) => change.id)).toEqual([first.id]);
    // Stamped 3 s ago, readable only now: a slow write, or one replicated from another region.
    const late = newTodoItem(
      me,
      ulid(),
      { title: 'Late' },
      new Date().toISOString(),
      { listId: 'inbox', position: 'a0' },
      me,
    );
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { ...late, changeStamp: ulid(Date.now() - 3000) } }),
    );
    const next = await drain(me, page.cursor);
    expect(next.changes.map((change) => change.id)).toEqual([late.sk.slice('TODO#'.length)]);
    expect((await drain(me, next.cursor)).changes).toEqual([]);
  });
});

describe('a burst larger than a cursor remembers', () => {
  it('is delivered in full, once, a late write in it too, the rest after the overlap', async () => {
    const me = newPerson();
    const start = await now(me);
    const burst = await todos.importMany(
      me,
      Array.from({ length: 250 }, (_, index) => ({ index, item: { title: `Burst ${index}` } })),
    );
    const late = newTodoItem(
      me,
      ulid(),
      { title: 'Late in the burst' },
      new Date().toISOString(),
      { listId: 'inbox', position: 'a0' },
      me,
    );
    const first = await feed.since(me, { since: start, limit: 100 });
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { ...late, changeStamp: ulid(Date.now() - 2000) } }),
    );
    const rest = await drain(me, first.cursor);
    const delivered = [...first.changes, ...rest.changes].map((change) => change.id);
    expect(delivered).toHaveLength(251);
    expect(new Set(delivered)).toEqual(
      new Set([...burst.map((result) => result.id), late.sk.slice('TODO#'.length)]),
    );
    expect((await drain(me, rest.cursor)).changes).toEqual([]);
  }, 60_000);
});

describe('many writers at once', () => {
  it('every acknowledged create appears in the feed exactly once, read in small pages while they write', async () => {
    const me = newPerson();
    let cursor = await now(me);
    const delivered: string[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await feed.since(me, { since: cursor, limit: 7 });
        delivered.push(...page.changes.map((change) => change.id));
        cursor = page.cursor;
        if (page.changes.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const writers = Array.from({ length: 10 }, async (_, writer) => {
      const made: string[] = [];
      for (let index = 0; index < 30; index++)
        made.push((await todos.create(me, { title: `Writer ${writer}, todo ${index}` })).id);
      return made;
    });
    const acknowledged = (await Promise.all(writers)).flat();
    writing = false;
    await reader;
    delivered.push(...(await drain(me, cursor, 7)).changes.map((change) => change.id));
    expect(delivered.length).toBe(300);
    expect(new Set(delivered)).toEqual(new Set(acknowledged));
  });
});

describe('what reading costs', () => {
  /** Gives a person `count` todos made an hour ago (stamped then), 25 per BatchWriteItem. */
  async function withOldTodos(ownerId: string, count: number): Promise<void> {
    const hourAgo = Date.now() - 3_600_000;
    const items = Array.from({ length: count }, (_, index) => ({
      ...newTodoItem(
        ownerId,
        ulid(hourAgo + index),
        { title: `Old ${index}` },
        new Date(hourAgo).toISOString(),
        {
          listId: 'inbox',
          position: `a${index}`,
        },
        ownerId,
      ),
      changeStamp: ulid(hourAgo + index),
    }));
    for (let at = 0; at < items.length; at += 25) {
      await documentClient.send(
        new BatchWriteCommand({
          RequestItems: { [tableName]: items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    }
  }

  /** Read capacity and items read by the feed's calls while `run` runs. */
  async function costOf(run: () => Promise<unknown>): Promise<{ units: number; itemsRead: number }> {
    let units = 0;
    let itemsRead = 0;
    const original = documentClient.send.bind(documentClient);
    const spy = async (command: Parameters<typeof documentClient.send>[0]) => {
      const input = (command as { input: Record<string, unknown> }).input;
      input.ReturnConsumedCapacity = 'TOTAL';
      const output = (await original(command)) as Record<string, unknown>;
      const consumed = output.ConsumedCapacity;
      for (const part of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
        units += (part as { CapacityUnits?: number }).CapacityUnits ?? 0;
      if (command instanceof QueryCommand) itemsRead += Number(output.ScannedCount ?? 0);
      return output;
    };
    (documentClient as { send: unknown }).send = spy;
    try {
      await run();
    } finally {
      (documentClient as { send: unknown }).send = original;
    }
    return { units, itemsRead };
  }

  async function threeChangesAmong(count: number) {
    const me = newPerson();
    await withOldTodos(me, count);
    const cursor = await now(me);
    const made = await todos.create(me, { title: 'New' });
    await todos.update(me, made.id, { title: 'Renamed' });
    const other = await todos.create(me, { title: 'Another' });
    await todos.delete(me, other.id);
    const third = await todos.create(me, { title: 'A third' });
    let page: ChangePage | undefined;
    const cost = await costOf(async () => {
      page = await feed.since(me, { since: cursor, limit: 100 });
    });
    expect(page?.changes.map((change) => change.id)).toEqual([made.id, other.id, third.id]);
    return cost;
  }

  it('3 changes among 10,000 todos read 3 items, and cost what they cost among 100', async () => {
    const few = await threeChangesAmong(100);
    const many = await threeChangesAmong(10_000);
    expect(many.itemsRead).toBe(3);
    expect(many.units).toBeGreaterThan(0);
    expect(many.units / few.units).toBeLessThanOrEqual(1.2);
  }, 120_000);
});
