// `client.lists` and `client.lists.members` against the real API behind the local gateway: two
// people, a shared list, manual order, and the errors a user of the SDK meets.
import { signInLocally } from '@todolist/local/testing';
import {
  ConflictError,
  createClient,
  ForbiddenError,
  NotFoundError,
  type TodolistClient,
  UnauthorizedError,
} from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let ada: TodolistClient;
let sam: TodolistClient;

beforeAll(async () => {
  gateway = await startTestGateway();
  const clientOf = async (email: string) =>
    createClient({ baseUrl: gateway.url, auth: (await signInLocally(gateway.url, email)).accessToken });
  [ada, sam] = await Promise.all([clientOf('ada@example.com'), clientOf('sam@example.com')]);
});

afterAll(async () => {
  await gateway?.close();
});

describe('client.lists', () => {
  it('makes, renames, archives and deletes lists, the Inbox always first', async () => {
    const chores = await ada.lists.create({ name: 'Chores' });
    expect(chores).toMatchObject({ name: 'Chores', inbox: false, role: 'owner', openCount: 0, version: 1 });
    const renamed = await ada.lists.update(chores.id, { name: 'House' }, { ifMatch: chores.version });
    expect(renamed).toMatchObject({ name: 'House', version: 2 });
    const names = async () => {
      const seen: string[] = [];
      for await (const list of ada.lists.iterate()) seen.push(list.name);
      return seen;
    };
    expect(await names()).toEqual(['Inbox', 'House']);
    await ada.lists.update(chores.id, { archived: true });
    expect(await names()).toEqual(['Inbox']);
    await ada.todos.create({ title: 'Sweep', listId: chores.id });
    const refused = await ada.lists.delete(chores.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ code: 'list_not_empty' });
    await ada.lists.delete(chores.id, { moveTo: 'inbox' });
    expect((await ada.todos.list({ listId: 'inbox' })).items.map((todo) => todo.title)).toContain('Sweep');
  });

  it('shares a list by address; the member adds to it and can leave it', async () => {
    const groceries = await ada.lists.create({ name: 'Groceries' });
    const member = await ada.lists.members.add(groceries.id, 'sam@example.com');
    expect(member).toMatchObject({ email: 'sam@example.com', status: 'member', role: 'member' });
    const made = await sam.todos.create({ title: 'Bread', listId: groceries.id });
    expect((await ada.todos.get(made.id)).createdBy).toBe(member.id);
    const { items } = await sam.lists.members.list(groceries.id);
    expect(items.map((person) => person.email)).toEqual(['ada@example.com', 'sam@example.com']);
    const notOwner = await sam.lists.update(groceries.id, { name: 'Mine' }).catch((error: unknown) => error);
    expect(notOwner).toBeInstanceOf(UnauthorizedError);
    expect(notOwner).toBeInstanceOf(ForbiddenError);
    expect(notOwner).toMatchObject({ code: 'owner_only' });
    await sam.lists.members.leave(groceries.id);
    expect(await sam.lists.get(groceries.id).catch((error: unknown) => error)).toBeInstanceOf(NotFoundError);
  });

  it('moves todos in a list’s manual order', async () => {
    const plan = await ada.lists.create({ name: 'Plan' });
    const [first, second, third] = await Promise.all(
      ['first', 'second', 'third'].map((title) => ada.todos.create({ title, listId: plan.id })),
    );
    await ada.todos.move(third?.id ?? '', { after: null });
    await ada.todos.move(first?.id ?? '', { after: second?.id ?? '' });
    const order = await ada.todos.list({ listId: plan.id, sort: 'manual' });
    expect(order.items.map((todo) => todo.id)).toEqual([third?.id, second?.id, first?.id]);
  });
});
