import type { LocalStack } from '@todolist/local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import { startLocalApi } from './support/local-api.js';
import { closeTerminals, hasPseudoTerminal, openTerminal } from './support/pseudo-terminal.js';
import { newTodoUser, removeTodoUsers, type TodoUser } from './support/todo-user.js';

// What changes with a terminal: colour, and asking instead of failing. Off a terminal (a pipe,
// CI) todo never colours by default and never waits for an answer.

let stack: LocalStack;

beforeAll(async () => {
  [stack] = await Promise.all([startLocalApi(), ensureCliBuilt()]);
}, 120_000);

afterAll(async () => {
  // Not after each test: the tests run side by side, and another's terminal may still be open.
  await closeTerminals();
  await stack?.close();
  await removeTodoUsers();
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: an escape code is what is looked for.
const ANSI = /\u001b\[[0-9;]*m/;

/** A new user with one high-priority, tagged todo, so a list has something to colour. */
async function userWithTodo(title = 'Pay rent'): Promise<TodoUser> {
  const user = await newTodoUser(stack.url);
  await user.api.todos.create({ title, priority: 'high', tags: ['money'] });
  return user;
}

describe.concurrent('colour off a terminal', () => {
  it('is off by default when stdout is a pipe', async () => {
    const user = await userWithTodo();
    const run = await user.run(['list']);
    expect(run.stdout).toContain('Pay rent');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('is on with FORCE_COLOR=1', async () => {
    const user = await userWithTodo();
    const [list, add] = await Promise.all([
      user.run(['list'], { env: { FORCE_COLOR: '1' } }),
      user.run(['add', 'Water plants'], { env: { FORCE_COLOR: '1' } }),
    ]);
    expect(list.stdout).toMatch(ANSI);
    // "Added …" is a status line, on stderr, coloured as stdout is (gh decides colour once, by stdout).
    expect(add.stderr).toMatch(ANSI);
  });

  it.each([
    ['NO_COLOR=1', ['list'], { NO_COLOR: '1' }],
    ['--no-color', ['list', '--no-color'], {}],
    ['--no-color before the command', ['--no-color', 'list'], {}],
    ['TERM=dumb', ['list'], { TERM: 'dumb' }],
  ])('is off with %s, even with FORCE_COLOR=1', async (_, args, env) => {
    const user = await userWithTodo();
    const run = await user.run(args, { env: { FORCE_COLOR: '1', ...env } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pay rent');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('ignores an empty NO_COLOR, as no-color.org says', async () => {
    const user = await userWithTodo();
    const run = await user.run(['list'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(run.stdout).toMatch(ANSI);
  });
});

describe.concurrent('titles off a terminal', () => {
  it('are never cut in a pipe or a file, however long', async () => {
    const title = `A long title ${'that goes on '.repeat(13)}to the end`;
    const user = await userWithTodo(title);
    const run = await user.run(['list']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(new RegExp(` ${title}  #money$`));
  });
});

describe.concurrent('answers needed off a terminal', () => {
  it('todo add without a title stops at once: a title is needed (exit 2)', async () => {
    const user = await newTodoUser(stack.url);
    expectErrorLine(await user.run(['add']), 2, 'a title is needed: todo add <title...>');
    expect((await user.api.todos.list()).items).toEqual([]);
  });

  it('todo rm without --yes deletes nothing and says to add --yes (exit 2)', async () => {
    const user = await userWithTodo();
    await user.run(['list']);
    expectErrorLine(await user.run(['rm', '1']), 2, 'refusing to delete without asking: add --yes');
    expect((await user.api.todos.list()).items).toHaveLength(1);
  });

  it('todo edit without flags says which flags there are (exit 2)', async () => {
    const user = await userWithTodo();
    await user.run(['list']);
    expectErrorLine(await user.run(['edit', '1']), 2, 'say what to change: --title, --notes, --due');
  });
});

describe.skipIf(!hasPseudoTerminal).concurrent('on a terminal', () => {
  it('colours the list, unless NO_COLOR is set', async () => {
    const user = await userWithTodo();
    const coloured = openTerminal(['list'], user.env);
    const plain = openTerminal(['list'], { ...user.env, NO_COLOR: '1' });
    expect(await Promise.all([coloured.exited, plain.exited])).toEqual([0, 0]);
    expect(coloured.raw()).toMatch(ANSI);
    expect(plain.screen()).toContain('Pay rent');
    expect(plain.raw()).not.toMatch(ANSI);
  });

  it('colours the prompts too, unless --no-color or NO_COLOR says not to', async () => {
    const user = await newTodoUser(stack.url);
    const terminals = [
      openTerminal(['add'], user.env),
      openTerminal(['--no-color', 'add'], user.env),
      openTerminal(['add'], { ...user.env, NO_COLOR: '1' }),
    ];
    for (const terminal of terminals) {
      await terminal.waitFor('Title');
      terminal.type('\x03');
    }
    expect(await Promise.all(terminals.map((terminal) => terminal.exited))).toEqual([130, 130, 130]);
    expect(terminals.map((terminal) => ANSI.test(terminal.raw()))).toEqual([true, false, false]);
  });

  it('cuts long titles to the width of the terminal', async () => {
    const user = await userWithTodo('A title far too long to fit on one narrow line of forty columns');
    const terminal = openTerminal(['list'], user.env, { columns: 60 });
    expect(await terminal.exited).toBe(0);
    const rows = terminal.screen().split('\r\n').filter(Boolean);
    expect(rows[1]).toMatch(/ A title far too long .*… {2}#money$/);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(60);
  });

  it('cuts titles only at the width of the terminal, however wide it is', async () => {
    const title = `A title of a hundred and fifty characters or so ${'that goes on '.repeat(8)}to the end`;
    const user = await userWithTodo(title);
    const terminal = openTerminal(['list'], user.env, { columns: 220 });
    expect(await terminal.exited).toBe(0);
    const rows = terminal.screen().split('\r\n').filter(Boolean);
    expect(rows[1]).toMatch(new RegExp(` ${title}  #money$`));
  });

  it('todo add asks for the title, due day, priority and tags, and adds what was typed', async () => {
    const user = await newTodoUser(stack.url);
    const terminal = openTerminal(['add'], user.env);
    await terminal.waitFor('Title');
    terminal.type('Typed title\r');
    await terminal.waitFor('Due');
    terminal.type('someday\r');
    await terminal.waitFor('"someday" is not a date');
    terminal.type(`${'\x7f'.repeat('someday'.length)}2099-12-31\r`);
    await terminal.waitFor('Priority');
    terminal.type('\x1b[B\r'); // down from normal to high
    await terminal.waitFor('Tags');
    terminal.type('home, errand\r');
    expect(await terminal.exited).toBe(0);
    const [todo] = (await user.api.todos.list()).items;
    expect(todo).toMatchObject({
      title: 'Typed title',
      dueDate: '2099-12-31',
      priority: 'high',
      tags: ['home', 'errand'],
    });
    expect(terminal.screen()).toContain(`Added Typed title (due 2099-12-31) ${todo?.id}`);
  });

  it('todo edit asks with the current values filled in, and changes only what was retyped', async () => {
    const user = await userWithTodo('Pay rent');
    const terminal = openTerminal(['edit', (await user.api.todos.list()).items[0]?.id ?? ''], user.env);
    await terminal.waitFor('Title (Pay rent)');
    terminal.type('Pay the rent\r');
    for (const prompt of ['Notes', 'Due', 'Priority', 'Tags (comma-separated) (money)']) {
      await terminal.waitFor(prompt);
      terminal.type('\r');
    }
    expect(await terminal.exited).toBe(0);
    expect((await user.api.todos.list()).items[0]).toMatchObject({
      title: 'Pay the rent',
      priority: 'high',
      tags: ['money'],
      version: 2,
    });
  });

  it('todo edit with every answer kept as it was writes nothing: "Nothing to change", same version', async () => {
    const user = await userWithTodo('Pay rent');
    const [todo] = (await user.api.todos.list()).items;
    const terminal = openTerminal(['edit', todo?.id ?? ''], user.env);
    for (const prompt of ['Title', 'Notes', 'Due', 'Priority', 'Tags']) {
      await terminal.waitFor(prompt);
      terminal.type('\r');
    }
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain(`Nothing to change: Pay rent ${todo?.id} version 1`);
    expect((await user.api.todos.list()).items[0]).toEqual(todo);
  });

  it('todo rm asks first, and deletes nothing after "n"', async () => {
    const user = await userWithTodo();
    await user.run(['list']);
    const terminal = openTerminal(['rm', '1'], user.env);
    await terminal.waitFor('Delete "Pay rent"? (y/N)');
    terminal.type('n\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toContain('Nothing deleted.');
    expect((await user.api.todos.list()).items).toHaveLength(1);
  });

  it('todo rm deletes after "y"', async () => {
    const user = await userWithTodo();
    await user.run(['list']);
    const terminal = openTerminal(['rm', '1'], user.env);
    await terminal.waitFor('Delete "Pay rent"? (y/N)');
    terminal.type('y\r');
    expect(await terminal.exited).toBe(0);
    expect(terminal.screen()).toMatch(/Deleted Pay rent [0-9A-Z]{26}/);
    expect((await user.api.todos.list()).items).toEqual([]);
  });

  it('Ctrl-C at a prompt stops quietly with exit 130, having changed nothing', async () => {
    const user = await userWithTodo();
    await user.run(['list']);
    const adding = openTerminal(['add'], user.env);
    const removing = openTerminal(['rm', '1'], user.env);
    await Promise.all([adding.waitFor('Title'), removing.waitFor('Delete "Pay rent"?')]);
    adding.type('Half a tit');
    adding.type('\x03');
    removing.type('\x03');
    expect(await Promise.all([adding.exited, removing.exited])).toEqual([130, 130]);
    for (const terminal of [adding, removing]) {
      expect(terminal.screen()).not.toContain('todo:');
      expect(terminal.screen()).not.toContain('Error');
    }
    expect((await user.api.todos.list()).items.map((todo) => todo.title)).toEqual(['Pay rent']);
  });

  it('--no-input never asks: it fails at once where an answer is needed', async () => {
    const user = await userWithTodo();
    await user.run(['list']);
    const terminals = [
      openTerminal(['--no-input', 'add'], user.env),
      openTerminal(['--no-input', 'rm', '1'], user.env),
      openTerminal(['--no-input', 'edit', '1'], user.env),
    ];
    expect(await Promise.all(terminals.map((terminal) => terminal.exited))).toEqual([2, 2, 2]);
    const [add, rm, edit] = terminals.map((terminal) => terminal.screen());
    expect(add).toMatch(/^todo: a title is needed[^\n]*\r\n$/);
    expect(rm).toMatch(/^todo: refusing to delete without asking: add --yes[^\n]*\r\n$/);
    expect(edit).toMatch(/^todo: say what to change[^\n]*\r\n$/);
    expect((await user.api.todos.list()).items).toHaveLength(1);
  });
});
