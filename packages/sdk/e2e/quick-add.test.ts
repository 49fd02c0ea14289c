// `client.todos.quickAdd` and `POST /v1/todos/quick` against the real API behind the local
// gateway: a todo from a line of text, a dry run, a list shared by someone else, a resend, and
// what the server says to a client without the SDK that sends a bad time zone or no text.
import { signInLocally } from '@todolist/local/testing';
import { createClient, type TodolistClient, ValidationError } from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let ada: TodolistClient;
let sam: TodolistClient;
let samToken: string;

const timeZone = 'Europe/Paris';

beforeAll(async () => {
  gateway = await startTestGateway();
  const [adaSignIn, samSignIn] = await Promise.all([
    signInLocally(gateway.url, 'ada.quick@example.com'),
    signInLocally(gateway.url, 'sam.quick@example.com'),
  ]);
  ada = createClient({ baseUrl: gateway.url, auth: adaSignIn.accessToken });
  sam = createClient({ baseUrl: gateway.url, auth: samSignIn.accessToken });
  samToken = samSignIn.accessToken;
});

afterAll(async () => {
  await gateway?.close();
});

/** Every todo of the person's, on every list they can see. */
async function titlesOf(client: TodolistClient): Promise<string[]> {
  const titles: string[] = [];
  for await (const todo of client.todos.iterate()) titles.push(todo.title);
  return titles.sort();
}

/** A quick add as a client without the SDK sends it. */
function rawQuickAdd(body: unknown) {
  return fetch(new URL('/v1/todos/quick', gateway.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${samToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('client.todos.quickAdd', () => {
  it('creates the todo the text says, and answers how it read it', async () => {
    const { todo, parse } = await ada.todos.quickAdd('Pay rent tomorrow p1 #home // by transfer', {
      timeZone,
    });
    expect(todo).toMatchObject({ title: 'Pay rent', priority: 'high', tags: ['home'], notes: 'by transfer' });
    expect(todo.dueDate).toBe(parse.due);
    expect(parse.taken.map((piece) => piece.kind)).toEqual(['due', 'priority', 'tag', 'notes']);
    expect(await ada.todos.get(todo.id)).toEqual(todo);
  });

  it('creates nothing on a dry run, answering the create it would make', async () => {
    const before = await titlesOf(ada);
    const preview = await ada.todos.quickAdd('Call mom friday 5pm every week', { timeZone, dryRun: true });
    expect(preview.create).toMatchObject({ title: 'Call mom', listId: 'inbox' });
    expect(preview.parse).toMatchObject({ dueTime: '17:00', recurrence: { rrule: 'FREQ=WEEKLY' } });
    expect(await titlesOf(ada)).toEqual(before);
  });

  it('puts the todo on a list another person shares, named by @', async () => {
    const groceries = await ada.lists.create({ name: 'Quick groceries' });
    await ada.lists.members.add(groceries.id, 'sam.quick@example.com');
    const { todo, parse } = await sam.todos.quickAdd('Bread @"quick groceries"', { timeZone });
    expect(todo).toMatchObject({ title: 'Bread', listId: groceries.id });
    expect(parse.list).toBe('quick groceries');
    expect((await ada.todos.list({ listId: groceries.id })).items.map((item) => item.title)).toEqual([
      'Bread',
    ]);
  });

  it('makes one todo when a quick add is sent again with its key', async () => {
    const options = { timeZone, idempotencyKey: 'quick-add-e2e-resend' };
    const first = await sam.todos.quickAdd('Water plants saturday', options);
    const again = await sam.todos.quickAdd('Water plants saturday', options);
    expect(again).toEqual(first);
    expect((await titlesOf(sam)).filter((title) => title === 'Water plants')).toHaveLength(1);
  });

  it('refuses a bad time zone or a blank text before sending, as the server would', async () => {
    for (const [text, zone] of [
      ['Milk', 'Mars/Olympus_Mons'],
      ['  ', timeZone],
    ] as const) {
      const refused = await sam.todos.quickAdd(text, { timeZone: zone }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused).toMatchObject({ code: 'validation_failed' });
    }
  });
});

describe('POST /v1/todos/quick without the SDK', () => {
  it.each([
    ['a time zone that is not one', { text: 'Milk', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an empty text', { text: '', timeZone }, 'text'],
  ])('answers problem+json naming the field for %s, creating nothing', async (_case, body, field) => {
    const before = await titlesOf(sam);
    const response = await rawQuickAdd(body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((error) => error.path)).toEqual([field]);
    expect(await titlesOf(sam)).toEqual(before);
  });
});
