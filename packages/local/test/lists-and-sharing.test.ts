import type { List, ListPage, Member, MemberPage, Todo, TodoPage } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';

// Lists and sharing through the local gateway: real HTTP, real sign-ins, the handlers' bundles
// over dynalite. A and B share a list; C is on none of theirs.

let stack: LocalStack;

interface Person {
  email: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

async function person(email: string): Promise<Person> {
  const { accessToken } = await signInLocally(stack.url, email);
  return {
    email,
    async call(method, path, body) {
      const response = await fetch(new URL(path, stack.url), {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

let a: Person;
let b: Person;
let c: Person;

beforeAll(async () => {
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  [a, b, c] = (await Promise.all(['a@example.test', 'b@example.test', 'c@example.test'].map(person))) as [
    Person,
    Person,
    Person,
  ];
});

afterAll(async () => {
  await stack?.close();
});

async function makeList(who: Person, name: string): Promise<List> {
  const made = await who.call<List>('POST', '/v1/lists', { name });
  expect(made.status).toBe(201);
  return made.body;
}

describe('a list shared by e-mail', () => {
  let groceries: List;
  let fromB: Todo;

  it('A shares "groceries" with B, B sees it, adds a todo, and A sees that todo made by B', async () => {
    groceries = await makeList(a, 'Groceries');
    await makeList(b, 'Work');
    const shared = await a.call<Member>('POST', `/v1/lists/${groceries.id}/members`, {
      email: 'B@example.test ',
    });
    expect(shared).toMatchObject({ status: 201, body: { email: 'b@example.test', status: 'member' } });

    const listsOfB = await b.call<ListPage>('GET', '/v1/lists');
    expect(listsOfB.body.items.map((list) => [list.name, list.role, list.shared])).toEqual([
      ['Inbox', 'owner', false],
      ['Groceries', 'member', true],
      ['Work', 'owner', false],
    ]);

    const added = await b.call<Todo>('POST', '/v1/todos', { title: 'Oat milk', listId: groceries.id });
    expect(added.status).toBe(201);
    fromB = added.body;
    const seenByA = await a.call<TodoPage>('GET', `/v1/todos?listId=${groceries.id}`);
    expect(seenByA.body.items).toEqual([
      expect.objectContaining({ id: fromB.id, createdBy: shared.body.id }),
    ]);
    // Every todo A can see, across lists, holds it too; and B's own listing of everything.
    expect((await a.call<TodoPage>('GET', '/v1/todos')).body.items.map((todo) => todo.id)).toContain(
      fromB.id,
    );
    expect((await b.call<TodoPage>('GET', '/v1/todos')).body.items.map((todo) => todo.id)).toContain(
      fromB.id,
    );
    expect((await a.call<List>('GET', `/v1/lists/${groceries.id}`)).body).toMatchObject({
      openCount: 1,
      shared: true,
    });
  });

  it('C gets 404 on the list, its todos, their ids and its members, through every route', async () => {
    const list = `/v1/lists/${groceries.id}`;
    const answers = await Promise.all([
      c.call('GET', list),
      c.call('PATCH', list, { name: 'Mine now' }),
      c.call('DELETE', `${list}?todos=delete`),
      c.call('GET', `${list}/members`),
      c.call('POST', `${list}/members`, { email: 'c@example.test' }),
      c.call('DELETE', `${list}/members/me`),
      c.call('GET', `/v1/todos?listId=${groceries.id}`),
      c.call('POST', '/v1/todos', { title: 'Sneaked in', listId: groceries.id }),
      c.call('GET', `/v1/todos/${fromB.id}`),
      c.call('PATCH', `/v1/todos/${fromB.id}`, { completed: true }),
      c.call('DELETE', `/v1/todos/${fromB.id}`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(answers.length).fill(404));
    expect((await c.call<TodoPage>('GET', '/v1/todos')).body.items).toEqual([]);
    expect((await a.call<TodoPage>('GET', `/v1/todos/${fromB.id}`)).body).toMatchObject({ completed: false });
  });

  it('only the owner renames, deletes or shares; a member gets 403 owner_only', async () => {
    const list = `/v1/lists/${groceries.id}`;
    const refused = await Promise.all([
      b.call<{ code: string }>('PATCH', list, { name: 'Ours' }),
      b.call<{ code: string }>('DELETE', `${list}?todos=delete`),
      b.call<{ code: string }>('POST', `${list}/members`, { email: 'c@example.test' }),
    ]);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(
      Array(3).fill([403, 'owner_only']),
    );
  });

  it('A removes B, and B gets 404 from then on', async () => {
    const members = await a.call<MemberPage>('GET', `/v1/lists/${groceries.id}/members`);
    expect(members.body.items.map((member) => [member.email, member.role])).toEqual([
      ['a@example.test', 'owner'],
      ['b@example.test', 'member'],
    ]);
    const memberB = members.body.items[1] as Member;
    expect((await a.call('DELETE', `/v1/lists/${groceries.id}/members/${memberB.id}`)).status).toBe(204);
    expect((await b.call('GET', `/v1/lists/${groceries.id}`)).status).toBe(404);
    expect((await b.call('GET', `/v1/todos/${fromB.id}`)).status).toBe(404);
    expect((await b.call<ListPage>('GET', '/v1/lists')).body.items.map((list) => list.name)).toEqual([
      'Inbox',
      'Work',
    ]);
  });

  it('an invitation to an address with no account becomes membership at its first sign-in', async () => {
    const trip = await makeList(a, 'Trip');
    const invited = await a.call<Member>('POST', `/v1/lists/${trip.id}/members`, {
      email: 'dee@example.test',
    });
    expect(invited.body).toMatchObject({ status: 'invited', id: expect.stringMatching(/^invite-/) });
    const dee = await person('dee@example.test');
    expect((await dee.call<List>('GET', `/v1/lists/${trip.id}`)).body).toMatchObject({
      role: 'member',
      name: 'Trip',
    });
    const members = await a.call<MemberPage>('GET', `/v1/lists/${trip.id}/members`);
    expect(members.body.items.map((member) => [member.email, member.status])).toEqual([
      ['a@example.test', 'member'],
      ['dee@example.test', 'member'],
    ]);
    // Leaving: the member takes themself off.
    expect((await dee.call('DELETE', `/v1/lists/${trip.id}/members/me`)).status).toBe(204);
    expect((await dee.call('GET', `/v1/lists/${trip.id}`)).status).toBe(404);
  });
});

describe('every todo a person can see, a page at a time', () => {
  it('pages across their own lists and a shared one: full pages, in id order, nothing missed or repeated', async () => {
    const [owner, member] = [await person('pages-a@example.test'), await person('pages-b@example.test')];
    const own = await makeList(member, 'Own');
    const shared = await makeList(owner, 'Shared');
    await owner.call('POST', `/v1/lists/${shared.id}/members`, { email: member.email });
    const made: string[] = [];
    // Interleaved, so every page holds todos of several sources.
    for (let index = 0; index < 12; index++) {
      for (const [who, listId] of [
        [member, 'inbox'],
        [member, own.id],
        [owner, shared.id],
      ] as const) {
        made.push((await who.call<Todo>('POST', '/v1/todos', { title: `T${index}`, listId })).body.id);
      }
    }
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: TodoPage = (await member.call<TodoPage>('GET', `/v1/todos?limit=5${query}`)).body;
      seen.push(...page.items.map((todo) => todo.id));
      sizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].sort());
    expect(sizes).toEqual([5, 5, 5, 5, 5, 5, 5, 1]);
  });
});

describe('lists of one person', () => {
  it('names are unique case aside; the Inbox cannot be renamed, deleted or shared', async () => {
    const who = await person('names@example.test');
    await makeList(who, 'Chores');
    expect((await who.call<{ code: string }>('POST', '/v1/lists', { name: 'chores' })).body.code).toBe(
      'list_name_taken',
    );
    expect((await who.call<{ code: string }>('PATCH', '/v1/lists/inbox', { name: 'In' })).body.code).toBe(
      'inbox_fixed',
    );
    expect((await who.call<{ code: string }>('DELETE', '/v1/lists/inbox')).body.code).toBe('inbox_fixed');
  });

  it('a list with todos is deleted only with them or after moving them, and archived lists leave the default views', async () => {
    const who = await person('delete@example.test');
    const old = await makeList(who, 'Old');
    const kept = await makeList(who, 'Kept');
    const todo = (await who.call<Todo>('POST', '/v1/todos', { title: 'Keep me', listId: old.id })).body;
    const refused = await who.call<{ code: string }>('DELETE', `/v1/lists/${old.id}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'list_not_empty']);
    expect((await who.call('DELETE', `/v1/lists/${old.id}?moveTo=${kept.id}`)).status).toBe(204);
    expect((await who.call<Todo>('GET', `/v1/todos/${todo.id}`)).body).toMatchObject({
      listId: kept.id,
      version: 2,
    });
    expect((await who.call('GET', `/v1/lists/${old.id}`)).status).toBe(404);

    expect((await who.call('PATCH', `/v1/lists/${kept.id}`, { archived: true })).status).toBe(200);
    expect((await who.call<TodoPage>('GET', '/v1/todos')).body.items).toEqual([]);
    expect((await who.call<TodoPage>('GET', `/v1/todos?listId=${kept.id}`)).body.items).toHaveLength(1);
    expect(
      (await who.call<ListPage>('GET', '/v1/lists?archived=only')).body.items.map((list) => list.name),
    ).toEqual(['Kept']);
    expect((await who.call('DELETE', `/v1/lists/${kept.id}?todos=delete`)).status).toBe(204);
    expect((await who.call('GET', `/v1/todos/${todo.id}`)).status).toBe(404);
  });
});

describe('manual order', () => {
  it('1,000 random moves leave the order a model predicts, and no two todos in one position', async () => {
    const who = await person('order@example.test');
    const list = await makeList(who, 'Ordered');
    const model: string[] = [];
    for (let index = 0; index < 20; index++) {
      model.push(
        (await who.call<Todo>('POST', '/v1/todos', { title: `Todo ${index}`, listId: list.id })).body.id,
      );
    }
    let seed = 17;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let move = 0; move < 1000; move++) {
      const moving = model[random(model.length)] as string;
      model.splice(model.indexOf(moving), 1);
      const at = random(model.length + 1);
      const after = at === 0 ? null : (model[at - 1] as string);
      model.splice(at, 0, moving);
      const answer = await who.call('PATCH', `/v1/todos/${moving}`, { after });
      expect(answer.status).toBe(200);
    }
    const page = (await who.call<TodoPage>('GET', `/v1/todos?listId=${list.id}&sort=manual&limit=100`)).body;
    expect(page.items.map((todo) => todo.id)).toEqual(model);
    expect(new Set(page.items.map((todo) => todo.position)).size).toBe(model.length);
  }, 180_000);

  it('two people moving different todos at once both keep their moves', async () => {
    const who = await person('together@example.test');
    const list = await makeList(who, 'Together');
    const ids: string[] = [];
    for (const title of ['one', 'two', 'three', 'four']) {
      ids.push((await who.call<Todo>('POST', '/v1/todos', { title, listId: list.id })).body.id);
    }
    const [one, two, three, four] = ids as [string, string, string, string];
    await Promise.all([
      who.call('PATCH', `/v1/todos/${four}`, { after: null }),
      who.call('PATCH', `/v1/todos/${one}`, { after: three }),
    ]);
    const page = (await who.call<TodoPage>('GET', `/v1/todos?listId=${list.id}&sort=manual`)).body;
    expect(page.items.map((todo) => todo.id)).toEqual([four, two, three, one]);
  });
});
