import type { Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// The ways a person names a todo: its short id or its row in the last `todo list`, its id, or
// the start of it.

const api = useLocalApi();

/** A new user with these todos, created in this order. */
async function userWith(...titles: string[]): Promise<{ user: TodoUser; todos: Todo[] }> {
  const user = await newTodoUser(api.stack.url);
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
    expect(reopened).toEqual({ code: 0, stdout: '', stderr: `Reopened Gamma ${(todos[2] as Todo).id}\n` });
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
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Already done Once /);
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
      '"milk-run" is not a todo id, a short id, an id prefix or a row number from "todo list"',
    );
  });

  it('resolves every id before changing any: one bad id in several changes nothing', async () => {
    const { user, todos } = await userWith('Alpha', 'Beta');
    const run = await user.run(['done', (todos[0] as Todo).id, 'zzzz']);
    expectErrorLine(run, 3, 'no todo id starts with "zzzz"');
    expect((await user.api.todos.list({ status: 'completed' })).items).toEqual([]);
  });
});

/** The rows of a `todo list` table: the number, the short id and the title of each. */
function tableRows(stdout: string): { number: string; shortId: string; title: string }[] {
  return stdout
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [number = '', shortId = '', ...rest] = line.split(/\s+/);
      // The done and priority marks stand between the short id and the title.
      const title = rest.filter((word, index) => index > 1 || !['✓', '!!', '↓'].includes(word));
      return { number, shortId, title: title.join(' ') };
    });
}

describe.concurrent('short ids', () => {
  /** A user with todos made every way: one by one, and by two imports (whose ids differ only at the end). */
  async function userWithImports(): Promise<TodoUser> {
    const { user } = await userWith('Made one by one', 'Made one by one too');
    for (const batch of ['first', 'second']) {
      const rows = Array.from({ length: 12 }, (_, row) => ({ title: `${batch} import, row ${row + 1}` }));
      await user.api.todos.importMany(rows);
    }
    return user;
  }

  it('stay at most 8 characters and unique in a list of imported todos, and each one typed names its todo', async () => {
    const user = await userWithImports();
    const list = await user.run(['list']);
    expect(list.code, list.stderr).toBe(0);
    const rows = tableRows(list.stdout);
    expect(rows).toHaveLength(26);
    for (const row of rows) expect(row.shortId).toMatch(/^[a-z]{4,8}$/);
    expect(new Set(rows.map((row) => row.shortId)).size).toBe(rows.length);
    // All of them typed at once (in capitals, as someone might), in one run.
    const done = await user.run(['done', ...rows.map((row) => row.shortId.toUpperCase()), '--json']);
    expect(done.code, done.stderr).toBe(0);
    expect((JSON.parse(done.stdout) as Todo[]).map((todo) => todo.title)).toEqual(
      rows.map((row) => row.title),
    );
  });

  it('refuses a short id several todos start with, naming them (exit 2), and one none has (exit 3)', async () => {
    const user = await userWithImports();
    const rows = tableRows((await user.run(['list'])).stdout);
    // 26 todos and 23 letters: two short ids start with the same one.
    const letter = rows
      .map((row) => row.shortId[0] as string)
      .find((first, index, all) => all.indexOf(first) !== index) as string;
    const sharing = rows.filter((row) => row.shortId.startsWith(letter));
    const ambiguous = await user.run(['show', letter]);
    expectErrorLine(ambiguous, 2, `"${letter}" matches ${sharing.length} todos: `);
    for (const row of sharing.slice(0, 5)) expect(ambiguous.stderr).toContain(row.title);
    const unknown = ['abcdefgh', 'zyxwvuts'].find(
      (code) => !rows.some((row) => code.startsWith(row.shortId)),
    );
    expectErrorLine(await user.run(['show', unknown as string]), 3, `no todo id starts with "${unknown}"`);
  });

  it('are found among every todo when the last list did not show them', async () => {
    const { user, todos } = await userWith('Open one', 'Finished one');
    await user.api.todos.complete((todos[1] as Todo).id);
    const all = tableRows((await user.run(['list', '--all'])).stdout);
    await user.run(['list']);
    const finished = all.find((row) => row.title === 'Finished one');
    expect(await titleShown(user, finished?.shortId ?? '')).toBe('Finished one');
  });
});
