import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_COMPLETIONS } from '@todolist/sdk/contract';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from './client.js';
import { nextDueDayAt } from './next-occurrence.js';
import { TodoStore } from './todo-store.js';

// What completing costs, counted on the store's own DynamoDB calls, and what a repeating todo
// remembers of its completions.

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

const todos = new TodoStore(documentClient, {
  tableName,
  cursorSigningKey: async () => 'completions-test-key',
});

let people = 0;
const newPerson = () => `00000000-0000-4000-9000-${String(++people).padStart(4, '0')}${Date.now() % 1e8}`;

/** The kinds of the calls `run` makes through the store's client, in order. */
async function callsOf(run: () => Promise<unknown>): Promise<string[]> {
  const send = vi.spyOn(documentClient, 'send');
  try {
    await run();
    return send.mock.calls.map(([command]) => command.constructor.name);
  } finally {
    send.mockRestore();
  }
}

// Far ahead, so today on the real clock is before its days: every move is from its due day.
const weekly = { rrule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/London' };

describe('completing a todo', () => {
  it('that does not repeat is one conditional write and no read', async () => {
    const me = newPerson();
    const todo = await todos.create(me, { title: 'Post the letter', dueDate: '2099-01-05' });
    const calls = await callsOf(() => todos.update(me, todo.id, { completed: true }, 1, nextDueDayAt));
    expect(calls).toEqual([UpdateCommand.name]);
    expect(await todos.get(me, todo.id)).toMatchObject({ completed: true, dueDate: '2099-01-05' });
  });

  it('that repeats moves it on: the write refused for its repeat is the read, then one write', async () => {
    const me = newPerson();
    const todo = await todos.create(me, { title: 'Standup', dueDate: '2099-01-05', recurrence: weekly });
    const calls = await callsOf(() => todos.update(me, todo.id, { completed: true }, 1, nextDueDayAt));
    // DynamoDB answers the todo with the failed condition; dynalite does not, hence its Get.
    expect(calls.filter((name) => name !== GetCommand.name)).toEqual([
      UpdateCommand.name,
      UpdateCommand.name,
    ]);
    expect(calls.filter((name) => name === GetCommand.name).length).toBeLessThanOrEqual(1);
    expect(await todos.get(me, todo.id)).toMatchObject({ completed: false, dueDate: '2099-01-12' });
  });

  it(`that repeats remembers its last ${MAX_COMPLETIONS} completions, the oldest forgotten first`, async () => {
    const me = newPerson();
    const todo = await todos.create(me, { title: 'Water plants', dueDate: '2099-01-05', recurrence: weekly });
    const completions = MAX_COMPLETIONS + 1;
    for (let done = 0; done < completions; done++) {
      await todos.update(me, todo.id, { completed: true }, undefined, nextDueDayAt);
    }
    const stored = await todos.get(me, todo.id);
    expect(stored.dueDate).toBe('2099-03-23');
    // Mondays from 12 January to 16 March: the first, 5 January, is gone.
    expect(stored.completions.map((completion) => completion.dueDate)).toEqual([
      '2099-01-12',
      '2099-01-19',
      '2099-01-26',
      '2099-02-02',
      '2099-02-09',
      '2099-02-16',
      '2099-02-23',
      '2099-03-02',
      '2099-03-09',
      '2099-03-16',
    ]);
  });
});
