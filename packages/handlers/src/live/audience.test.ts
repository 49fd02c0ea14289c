import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from '../store/client.js';
import { listKey, sharedRefKey, todoKey } from '../store/keys.js';
import { ListStore } from '../store/list-store.js';
import { MemberStore } from '../store/member-store.js';
import { TodoStore } from '../store/todo-store.js';
import { audienceOf } from './audience.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());
const table = { client: documentClient, name: tableName };

const cursorSigningKey = async () => 'audience-test-key';
const todos = new TodoStore(documentClient, { tableName, cursorSigningKey });
const lists = new ListStore(documentClient, { tableName, cursorSigningKey });
const members = new MemberStore(documentClient, { tableName });

let people = 0;
async function signedIn() {
  const id = `audience-${++people}-${Date.now()}`;
  await members.recordSignIn(id, `${id}@example.test`);
  return { id, email: `${id}@example.test` };
}

/** Who hears of the item at `key`, given its stored state now. */
async function audienceAt(key: { pk: string; sk: string }) {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return [...(await audienceOf(table, { ...key, images: [Item] }))].sort();
}

describe('who hears of a change', () => {
  it('an Inbox todo: its owner alone', async () => {
    const owner = await signedIn();
    const todo = await todos.create(owner.id, { title: 'Mine' });
    expect(await audienceAt(todoKey(owner.id, todo.id))).toEqual([owner.id]);
  });

  it('a todo of a shared list, the list and its people: the owner and every member', async () => {
    const [owner, a, b] = [await signedIn(), await signedIn(), await signedIn()];
    const list = await lists.create(owner.id, { name: 'Ours' });
    await members.add(owner.id, list.id, a.email);
    await members.add(owner.id, list.id, b.email);
    const todo = await todos.create(a.id, { title: 'Shared', listId: list.id });
    const everyone = [owner.id, a.id, b.id].sort();
    expect(await audienceAt(todoKey(owner.id, todo.id))).toEqual(everyone);
    expect(await audienceAt(listKey(owner.id, list.id))).toEqual(everyone);
  });

  it('a todo moved off a shared list: that list’s members too, though they cannot see where it went', async () => {
    const [owner, member] = [await signedIn(), await signedIn()];
    const shared = await lists.create(owner.id, { name: 'Shared' });
    const secret = await lists.create(owner.id, { name: 'Private' });
    await members.add(owner.id, shared.id, member.email);
    const todo = await todos.create(owner.id, { title: 'Leaves', listId: shared.id });
    await todos.update(owner.id, todo.id, { listId: secret.id });
    expect(await audienceAt(todoKey(owner.id, todo.id))).toEqual([owner.id, member.id].sort());
  });

  it('a reference to a shared list (made or ended): the person it belongs to', async () => {
    const [owner, member] = [await signedIn(), await signedIn()];
    const list = await lists.create(owner.id, { name: 'Brief' });
    await members.add(owner.id, list.id, member.email);
    await members.remove(owner.id, list.id, member.id);
    expect(await audienceAt(sharedRefKey(member.id, list.id))).toEqual([member.id]);
  });

  it('what no feed shows (a profile, another partition): nobody', async () => {
    const owner = await signedIn();
    expect(await audienceOf(table, { pk: `USER#${owner.id}`, sk: 'PROFILE', images: [] })).toEqual(new Set());
    expect(await audienceOf(table, { pk: 'EMAIL#x@example.test', sk: 'ACCOUNT', images: [] })).toEqual(
      new Set(),
    );
  });
});
