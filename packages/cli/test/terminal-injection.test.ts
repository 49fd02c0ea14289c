import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { overwriteStoredTodo } from './support/stored-todo.js';
import { newTodoUser, type TodoRun, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// A todo's text is data, and a terminal obeys escape sequences: notes (or, from older data, a
// title or a tag) holding one must reach the screen as visible text, never as a command.

const api = useLocalApi();

/** Retitles the terminal window, then clears the screen. */
const ATTACK = '\u001b]0;pwned\u0007\u001b[2J';
const ESC = '\u001b';

/** A user with one todo whose title, tags and notes hold escape sequences, written past the API. */
async function userWithHostileTodo(): Promise<{ user: TodoUser; todo: Todo }> {
  const user = await newTodoUser(api.stack.url);
  const created = await user.api.todos.create({ title: 'Pay rent', tags: ['money'] });
  await overwriteStoredTodo(api.stack, user.sub as string, created.id, {
    title: `Pay rent${ATTACK}`,
    notes: `first line\n\tsecond line ${ATTACK}\u009b31m`,
    tags: ['money', `red${ESC}[31m`],
  });
  return { user, todo: await user.api.todos.get(created.id) };
}

const noEscapes = (run: TodoRun) => {
  expect(run.stdout, run.stdout).not.toContain(ESC);
  expect(run.stderr, run.stderr).not.toContain(ESC);
  expect(run.stdout).not.toContain('\u0007');
  expect(run.stdout).not.toContain('\u009b');
};

describe.concurrent('text from the API, a file or a token reaches a terminal escaped', () => {
  it('todo show writes no ESC byte: the sequences are shown as \\x1b, notes keep their lines, indented', async () => {
    const { user, todo } = await userWithHostileTodo();
    const run = await user.run(['show', todo.id]);
    expect(run.code, run.stderr).toBe(0);
    noEscapes(run);
    const shown = run.stdout.split('\n');
    expect(shown).toContain('title    Pay rent\\x1b]0;pwned\\x07\\x1b[2J');
    expect(shown).toContain('tags     #money #red\\x1b[31m');
    const notes = shown.findIndex((line) => line.startsWith('notes'));
    expect(shown.slice(notes, notes + 2)).toEqual([
      'notes    first line',
      '           second line \\x1b]0;pwned\\x07\\x1b[2J\\x9b31m',
    ]);
  });

  it('todo list writes no ESC byte, even with colour forced on, other than its own colour codes', async () => {
    const { user } = await userWithHostileTodo();
    const [plain, coloured] = await Promise.all([
      user.run(['list']),
      user.run(['list'], { env: { FORCE_COLOR: '1' } }),
    ]);
    noEscapes(plain);
    expect(plain.stdout).toContain('Pay rent\\x1b]0;pwned\\x07\\x1b[2J');
    // Only SGR colour codes (ESC [ … m) are left once the escaped text is taken out.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: an escape code is what is looked for.
    expect(coloured.stdout.replaceAll(/\u001b\[[0-9;]*m/g, '')).not.toContain(ESC);
  });

  it('the data stays exact for scripts: --json and export give the notes back byte for byte', async () => {
    const { user, todo } = await userWithHostileTodo();
    const [json, ndjson] = await Promise.all([
      user.run(['show', todo.id, '--json']),
      user.run(['export', '--format', 'ndjson']),
    ]);
    expect((JSON.parse(json.stdout) as Todo).notes).toBe(todo.notes);
    expect((JSON.parse(ndjson.stdout) as Todo).title).toBe(`Pay rent${ATTACK}`);
  });

  it('confirmations, undo and error lines that quote a title write no ESC byte', async () => {
    const { user, todo } = await userWithHostileTodo();
    const other = await user.api.todos.create({ title: 'Other' });
    const runs = [
      await user.run(['done', todo.id]),
      await user.run(['undo']),
      await user.run(['edit', todo.id, '--priority', 'normal']),
      // An id prefix both todos share: the error names them, titles and all.
      await user.run(['show', sharedStart(todo.id, other.id)]),
      await user.run(['rm', todo.id, '--yes']),
    ];
    for (const run of runs) noEscapes(run);
    expect(runs[0]?.stderr).toContain('Done Pay rent\\x1b]0;pwned\\x07\\x1b[2J');
    expect(runs[3]?.code).toBe(2);
  });

  it('an import names a file whose name holds an escape, escaped', async () => {
    const user = await newTodoUser(api.stack.url);
    const name = `todos${ATTACK}.csv`;
    await writeFile(join(user.configDir, name), 'title\nBuy milk\n,\n');
    const run = await user.run(['import', name], { cwd: user.configDir });
    expect(run.code).toBe(1);
    noEscapes(run);
    expect(run.stderr).toContain('from todos\\x1b]0;pwned\\x07\\x1b[2J.csv: 1 new');
  });
});

function sharedStart(a: string, b: string): string {
  let length = 0;
  while (a[length] === b[length]) length++;
  return a.slice(0, Math.max(1, length));
}
