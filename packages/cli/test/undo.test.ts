import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Todo } from '@todolist/sdk';
import { MAX_PAGE_SIZE } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo undo` takes back the last rm, done, reopen or edit of the profile: once, all the todos it
// named, and never over a change someone made since.

const api = useLocalApi();

/** What a person set on a todo, without its times and version. */
const fieldsOf = ({ id, title, notes, dueDate, priority, tags, completed }: Todo) => ({
  id,
  title,
  notes,
  dueDate,
  priority,
  tags,
  completed,
});

async function userWith(...titles: string[]): Promise<{ user: TodoUser; todos: Todo[] }> {
  const user = await newTodoUser(api.stack.url);
  const todos: Todo[] = [];
  for (const title of titles) todos.push(await user.api.todos.create({ title }));
  return { user, todos };
}

const everyTodo = async (user: TodoUser) =>
  (await user.api.todos.list({ status: 'all', limit: MAX_PAGE_SIZE })).items;

describe.concurrent('todo undo', () => {
  it('brings back every todo one rm deleted, with its id and fields; a second undo has nothing to undo (exit 1)', async () => {
    const user = await newTodoUser(api.stack.url);
    const rich = await user.api.todos.create({
      title: 'Renew passport',
      notes: 'photos first',
      dueDate: '2099-12-31',
      priority: 'high',
      tags: ['admin'],
    });
    const done = await user.api.todos.complete((await user.api.todos.create({ title: 'Posted it' })).id);
    const keep = await user.api.todos.create({ title: 'Keep' });
    expect((await user.run(['rm', rich.id, done.id, '--yes'])).code).toBe(0);

    const undo = await user.run(['undo']);
    expect(undo).toEqual({
      code: 0,
      stdout: '',
      stderr: `Restored Renew passport ${rich.id}\nRestored Posted it ${done.id}\n`,
    });
    const after = await everyTodo(user);
    expect(after.map(fieldsOf).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [rich, done, keep].map(fieldsOf).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expectErrorLine(await user.run(['undo']), 1, /^todo: nothing to undo \(profile default\)/);
  });

  it('leaves a todo that is there again with its id untouched, and says so', async () => {
    const { user, todos } = await userWith('Drop me');
    const todo = todos[0] as Todo;
    expect((await user.run(['rm', todo.id, '--yes'])).code).toBe(0);
    // Someone brought it back already, as something else.
    await user.api.todos.importMany([{ id: todo.id, title: 'Made again' }]);
    const undo = await user.run(['undo']);
    expect(undo).toEqual({ code: 0, stdout: '', stderr: `Already there: Drop me ${todo.id}\n` });
    expect(await user.api.todos.get(todo.id)).toMatchObject({ title: 'Made again', version: 1 });
  });

  it('reopens every todo one done finished, and only those it changed', async () => {
    const { user, todos } = await userWith('First', 'Second', 'Third');
    const [first, second, third] = todos as [Todo, Todo, Todo];
    await user.api.todos.complete(third.id);
    await user.run(['list', '--all']);
    expect((await user.run(['done', '1', '2', '3'])).code).toBe(0);
    const undo = await user.run(['undo']);
    expect(undo).toEqual({
      code: 0,
      stdout: '',
      stderr: `Reopened First ${first.id} version 3\nReopened Second ${second.id} version 3\n`,
    });
    expect((await everyTodo(user)).map((todo) => todo.completed)).toEqual([false, false, true]);
  });

  it('marks done again what reopen opened', async () => {
    const { user, todos } = await userWith('Finished');
    const todo = todos[0] as Todo;
    await user.api.todos.complete(todo.id);
    expect((await user.run(['reopen', todo.id])).code).toBe(0);
    expect(await user.run(['undo'])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Done Finished ${todo.id} version 4\n`,
    });
    expect(await user.api.todos.get(todo.id)).toMatchObject({ completed: true, version: 4 });
  });

  it('writes back the fields an edit changed, as they were', async () => {
    const user = await newTodoUser(api.stack.url);
    const todo = await user.api.todos.create({
      title: 'Buy milk',
      notes: 'oat',
      dueDate: '2099-12-31',
      tags: ['home'],
    });
    const edit = await user.run([
      'edit',
      todo.id,
      '--title',
      'Buy bread',
      '--notes',
      '',
      '--due',
      'none',
      '--tags',
      'shop,errand',
      '-p',
      'high',
    ]);
    expect(edit.code, edit.stderr).toBe(0);
    const undo = await user.run(['undo']);
    expect(undo).toEqual({ code: 0, stdout: '', stderr: `Reverted Buy milk ${todo.id} version 3\n` });
    expect(fieldsOf(await user.api.todos.get(todo.id))).toEqual(fieldsOf(todo));
  });

  it('refuses with exit 5 when someone changed the todo since, changes nothing, and keeps the change to undo', async () => {
    const { user, todos } = await userWith('Draft');
    const todo = todos[0] as Todo;
    expect((await user.run(['edit', todo.id, '--title', 'Final'])).code).toBe(0);
    await user.api.todos.update(todo.id, { notes: 'changed elsewhere' });
    const refused = await user.run(['undo']);
    expectErrorLine(
      refused,
      5,
      `"Draft" (${todo.id}) was changed since (version 2 then, 3 now); nothing was undone`,
    );
    expect(await user.api.todos.get(todo.id)).toMatchObject({ title: 'Final', notes: 'changed elsewhere' });
    expect((await user.run(['undo'])).code).toBe(5);
  });

  it('refuses with exit 5 when the todo was deleted since', async () => {
    const { user, todos } = await userWith('Soon gone');
    const todo = todos[0] as Todo;
    expect((await user.run(['done', todo.id])).code).toBe(0);
    await user.api.todos.delete(todo.id);
    expectErrorLine(await user.run(['undo']), 5, `"Soon gone" (${todo.id}) was deleted since`);
  });

  it('keeps its record readable by the owner only, beside the last list in the cache folder', async () => {
    const { user, todos } = await userWith('Tick');
    expect((await user.run(['done', (todos[0] as Todo).id])).code).toBe(0);
    const cache = join(user.configDir, 'cache');
    expect(await readdir(cache)).toContain('last-change.default.json');
    expect((await stat(join(cache, 'last-change.default.json'))).mode & 0o777).toBe(0o600);
  });
});
