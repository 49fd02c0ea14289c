import type { LocalStack } from '@todolist/local/testing';
import type { Todo } from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import { startLocalApi } from './support/local-api.js';
import { newTodoUser, removeTodoUsers, type TodoUser } from './support/todo-user.js';

// The ways a person names a todo: its id, the start of it, or its row in the last `todo list`.

let stack: LocalStack;

beforeAll(async () => {
  [stack] = await Promise.all([startLocalApi(), ensureCliBuilt()]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await removeTodoUsers();
});

/** A new user with these todos, created in this order. */
async function userWith(...titles: string[]): Promise<{ user: TodoUser; todos: Todo[] }> {
  const user = await newTodoUser(stack.url);
  const todos: Todo[] = [];
  for (const title of titles) todos.push(await user.api.todos.create({ title }));
  return { user, todos };
}

const titleShown = async (user: TodoUser, ref: string) => {
  const run = await user.run(['show', ref, '--json']);
  return run.code === 0 ? (JSON.parse(run.stdout) as Todo).title : `exit ${run.code}: ${run.stderr}`;
};

/** The longest start that two ids share. */
function sharedStart(a: string, b: string): string {
  let length = 0;
  while (a[length] === b[length]) length++;
  return a.slice(0, length);
}

describe.concurrent('naming a todo', () => {
  it('takes the full id, in capitals or not', async () => {
    const { user, todos } = await userWith('Alpha', 'Beta');
    const beta = todos[1] as Todo;
    expect(await Promise.all([titleShown(user, beta.id), titleShown(user, beta.id.toLowerCase())])).toEqual([
      'Beta',
      'Beta',
    ]);
  });

  it('takes the start of an id when only one todo has it, in any case', async () => {
    const { user, todos } = await userWith('Alpha', 'Beta');
    const [alpha, beta] = todos as [Todo, Todo];
    // Ids made a moment apart share their time part: one more character tells them apart.
    const common = sharedStart(alpha.id, beta.id);
    const alphaStart = alpha.id.slice(0, common.length + 1);
    const betaStart = beta.id.slice(0, common.length + 2).toLowerCase();
    expect(await Promise.all([titleShown(user, alphaStart), titleShown(user, betaStart)])).toEqual([
      'Alpha',
      'Beta',
    ]);
  });

  it('takes a row number of the last list, with or without "#"', async () => {
    const { user } = await userWith('Alpha', 'Beta', 'Gamma');
    await user.run(['list']);
    expect(await Promise.all([titleShown(user, '2'), titleShown(user, '#2'), titleShown(user, '3')])).toEqual(
      ['Beta', 'Beta', 'Gamma'],
    );
  });

  it('counts rows in the list last shown, whatever it showed', async () => {
    const { user, todos } = await userWith('Alpha', 'Beta', 'Gamma');
    await user.api.todos.complete((todos[2] as Todo).id);
    await user.run(['list', '--done']);
    expect(await titleShown(user, '1')).toBe('Gamma');
    const reopened = await user.run(['reopen', '1']);
    expect(reopened.stdout).toBe(`Reopened Gamma ${(todos[2] as Todo).id}\n`);
  });

  it('keeps the numbers of the last table a person saw when a script lists with --json', async () => {
    const { user, todos } = await userWith('First', 'Second');
    expect((await user.run(['list'])).code).toBe(0);
    await user.api.todos.complete((todos[0] as Todo).id);
    expect((await user.run(['list', '--json'])).code).toBe(0);
    expect(await titleShown(user, '1')).toBe('First');
  });

  it('marks an already done todo as done again without writing: "Already done", same version', async () => {
    const { user, todos } = await userWith('Once');
    const id = (todos[0] as Todo).id;
    await user.api.todos.complete(id);
    const run = await user.run(['done', id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Already done Once /);
    expect((await user.api.todos.get(id)).version).toBe(2);
  });

  it('refuses a prefix that several ids share, listing them (exit 2)', async () => {
    const { user, todos } = await userWith('Alpha', 'Beta');
    const [alpha, beta] = todos as [Todo, Todo];
    const prefix = sharedStart(alpha.id, beta.id).toLowerCase();
    const run = await user.run(['done', prefix]);
    expectErrorLine(
      run,
      2,
      `"${prefix}" matches 2 todos: ${alpha.id} Alpha; ${beta.id} Beta. Type more of the id`,
    );
    expect((await user.api.todos.list({ status: 'completed' })).items).toEqual([]);
  });

  it('answers "not found" for a prefix or an id no todo has (exit 3)', async () => {
    const { user, todos } = await userWith('Alpha');
    const alpha = todos[0] as Todo;
    // A well-formed id one character away from a real one: the id of no todo.
    const unknownId = `${alpha.id.slice(0, 25)}${alpha.id.endsWith('0') ? '1' : '0'}`;
    const [prefix, id] = await Promise.all([user.run(['show', 'zzzz']), user.run(['show', unknownId])]);
    expectErrorLine(prefix, 3, 'no todo id starts with "zzzz"');
    expectErrorLine(id, 3, `no todo with id ${unknownId}`);
  });

  it('refuses a row number before any list was shown, saying to run "todo list" (exit 2)', async () => {
    const { user } = await userWith('Alpha');
    const [plain, hashed] = await Promise.all([user.run(['done', '1']), user.run(['show', '#1'])]);
    expectErrorLine(
      plain,
      2,
      '"1" is a row number, but no list was shown yet: run "todo list" first, or give the id',
    );
    expectErrorLine(hashed, 2, '"#1" is a row number, but no list was shown yet');
  });

  it('refuses a row number past the end of the last list (exit 2)', async () => {
    const { user } = await userWith('Alpha', 'Beta');
    await user.run(['list']);
    expectErrorLine(
      await user.run(['show', '5']),
      2,
      'there is no row 5 in the last list (it had 2): run "todo list" again',
    );
  });

  it('refuses what is none of these (exit 2)', async () => {
    const { user } = await userWith('Alpha');
    expectErrorLine(
      await user.run(['show', 'milk-run']),
      2,
      '"milk-run" is not a todo id, an id prefix or a row number from "todo list"',
    );
  });

  it('resolves every id before changing any: one bad id in several changes nothing', async () => {
    const { user, todos } = await userWith('Alpha', 'Beta');
    const run = await user.run(['done', (todos[0] as Todo).id, 'zzzz']);
    expectErrorLine(run, 3, 'no todo id starts with "zzzz"');
    expect((await user.api.todos.list({ status: 'completed' })).items).toEqual([]);
  });
});
