import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo search`, the built binary against the local API (its `q=`): every word in the title or
// the notes, case and accents aside, numbered as `todo list` numbers its rows.

const api = useLocalApi();

describe.concurrent('todo search', () => {
  it('finds todos by every word, case and accents aside, open ones unless --all, and numbers them for todo done', async () => {
    const user = await newTodoUser(api.stack.url);
    await user.api.todos.create({ title: 'Crème brûlée recipe' });
    await user.api.todos.create({ title: 'Buy cream', notes: 'for the CREME brulee' });
    const done = await user.api.todos.create({ title: 'Old creme caramel' });
    await user.api.todos.complete(done.id);

    const found = await user.run(['search', 'creme', 'BRÛLÉE']);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(
      /^# {2}ID +DUE +TITLE +TAGS\n1 +\S+ +Crème brûlée recipe\n2 +\S+ +Buy cream\n$/,
    );
    expect((await user.run(['done', '2'])).stderr).toMatch(/^Done Buy cream /);
    const all = await user.run(['search', '--all', 'creme', '--json']);
    expect((JSON.parse(all.stdout) as { title: string }[]).map((todo) => todo.title)).toEqual([
      'Crème brûlée recipe',
      'Buy cream',
      'Old creme caramel',
    ]);
  });

  it('says when nothing matches, and refuses a search of blanks with exit 2', async () => {
    const user = await newTodoUser(api.stack.url);
    expect(await user.run(['search', 'nothing'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No open todos matching "nothing".\n',
    });
    expectErrorLine(await user.run(['search', '  ']), 2, 'q must be 1–100 characters');
  });
});
