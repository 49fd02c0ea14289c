import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Todo, TodoCreate } from '@todolist/sdk';
import { localDay, MAX_PAGE_SIZE } from '@todolist/sdk/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { shortId, shortIdLength } from '../src/ids/short-id.js';
import { startPageDroppingProxy } from './support/dropping-proxy.js';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// Every command as a person runs it: the built binary, off a terminal, against the real API. Each
// test is a new user with no todos and no settings, so the tests run side by side.

const api = useLocalApi();

const newUser = () => newTodoUser(api.stack.url);

type Seed = TodoCreate & { done?: boolean };

/** Creates the todos one after another (so they list in this order), completing those marked done. */
async function seed<const Seeds extends readonly Seed[]>(
  user: TodoUser,
  ...todos: Seeds
): Promise<{ [Index in keyof Seeds]: Todo }> {
  const created: Todo[] = [];
  for (const { done, ...input } of todos) {
    const todo = await user.api.todos.create(input);
    created.push(done ? await user.api.todos.complete(todo.id) : todo);
  }
  return created as { [Index in keyof Seeds]: Todo };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const everyTodo = async (user: TodoUser) =>
  (await user.api.todos.list({ status: 'all', limit: MAX_PAGE_SIZE })).items;
/** The short id a list shows, with as many letters as tell the listed todos apart. */
const shortOf = (todo: Todo, listed: readonly Todo[]) =>
  shortId(todo.id).slice(0, shortIdLength(listed.map((each) => each.id)));

describe.concurrent('todo add', () => {
  it('creates the todo the flags describe, repeated and comma-separated tags alike, and says so on stderr', async () => {
    const user = await newUser();
    const run = await user.run([
      'add',
      'Buy',
      'milk',
      '--due',
      '2099-12-31',
      '--priority',
      'high',
      '--tag',
      'home',
      '-t',
      'errand,shop',
      '--notes',
      '2 litres, oat',
    ]);
    const [todo] = await everyTodo(user);
    expect(todo).toMatchObject({
      title: 'Buy milk',
      dueDate: '2099-12-31',
      priority: 'high',
      tags: ['home', 'errand', 'shop'],
      notes: '2 litres, oat',
      completed: false,
    });
    expect(run).toEqual({ code: 0, stdout: '', stderr: `Added Buy milk (due 2099-12-31) ${todo?.id}\n` });
  });

  it('reads a relative due date in the local calendar and prints the new todo as JSON with --json', async () => {
    const user = await newUser();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const run = await user.run(['add', 'Call mum', '--due', 'tomorrow', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const printed = JSON.parse(run.stdout) as Todo;
    expect(printed).toEqual(await user.api.todos.get(printed.id));
    expect(printed).toMatchObject({
      title: 'Call mum',
      dueDate: localDay(tomorrow),
      priority: 'normal',
      tags: [],
    });
  });

  it('prints the new todo as one line of JSON with --ndjson', async () => {
    const user = await newUser();
    const run = await user.run(['add', 'Water the plants', '--ndjson']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: 'Water the plants', notes: null, dueDate: null });
  });
});

describe.concurrent('todo list', () => {
  it('shows the open todos as numbered rows: id, priority, due day, title and tags', async () => {
    const user = await newUser();
    const [milk, bank, , thing] = await seed(
      user,
      { title: 'Buy milk', dueDate: '2099-12-31', priority: 'high', tags: ['home', 'errand'] },
      { title: 'Call the bank' },
      { title: 'Old task', done: true },
      { title: 'Tidy desk', priority: 'low' },
    );
    const run = await user.run(['list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const short = (todo: Todo) => shortOf(todo, [milk, bank, thing]);
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(/^#\s+ID\s+DUE\s+TITLE\s+TAGS$/),
      expect.stringMatching(new RegExp(`^1  ${short(milk)}\\s+!!  2099-12-31  Buy milk\\s+#home #errand$`)),
      expect.stringMatching(new RegExp(`^2  ${short(bank)}\\s+Call the bank$`)),
      expect.stringMatching(new RegExp(`^3  ${short(thing)}\\s+↓\\s+Tidy desk$`)),
    ]);
  });

  it('shows done todos too with --all, ticked, and only those with --done', async () => {
    const user = await newUser();
    const [open, done] = await seed(user, { title: 'Still to do' }, { title: 'Finished', done: true });
    const [all, onlyDone] = await Promise.all([user.run(['list', '--all']), user.run(['list', '--done'])]);
    expect(lines(all.stdout).slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^1  ${shortOf(open, [open, done])}\\s+Still to do$`)),
      expect.stringMatching(new RegExp(`^2  ${shortOf(done, [open, done])}  ✓\\s+Finished$`)),
    ]);
    expect(lines(onlyDone.stdout).slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^1  ${shortOf(done, [done])}  ✓\\s+Finished$`)),
    ]);
    expect([all.code, onlyDone.code]).toEqual([0, 0]);
  });

  it('filters by --tag and --due-before, and stops at --limit', async () => {
    const user = await newUser();
    await seed(
      user,
      { title: 'Pay rent', tags: ['money'], dueDate: '2099-01-01' },
      { title: 'Buy bread', tags: ['home'], dueDate: '2099-06-01' },
      { title: 'File taxes', tags: ['money'] },
    );
    const [tagged, dueSoon, limited] = await Promise.all([
      user.run(['list', '--tag', 'money']),
      user.run(['list', '--due-before', '2099-03-01']),
      user.run(['list', '--limit', '2']),
    ]);
    const titles = (stdout: string) =>
      ['Pay rent', 'Buy bread', 'File taxes']
        .filter((title) => stdout.includes(title))
        .sort((a, b) => stdout.indexOf(a) - stdout.indexOf(b));
    expect(titles(tagged.stdout)).toEqual(['Pay rent', 'File taxes']);
    expect(titles(dueSoon.stdout)).toEqual(['Pay rent']);
    expect(titles(limited.stdout)).toEqual(['Pay rent', 'Buy bread']);
  });

  it('says so on stderr when nothing matches, prints nothing on stdout, and exits 0', async () => {
    const user = await newUser();
    await seed(user, { title: 'Open one' });
    const [done, tagged, json] = await Promise.all([
      user.run(['list', '--done']),
      user.run(['list', '--tag', 'work']),
      user.run(['list', '--done', '--json']),
    ]);
    expect(done).toEqual({ code: 0, stdout: '', stderr: 'No done todos.\n' });
    expect(tagged).toEqual({ code: 0, stdout: '', stderr: 'No open todos tagged work.\n' });
    expect(json).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('prints the todos as a JSON array with --json and one object a line with --ndjson', async () => {
    const user = await newUser();
    const todos = await seed(
      user,
      { title: 'One', tags: ['a'] },
      { title: 'Two' },
      { title: 'Gone', done: true },
    );
    const [json, ndjson] = await Promise.all([user.run(['list', '--json']), user.run(['list', '--ndjson'])]);
    expect(JSON.parse(json.stdout)).toEqual(todos.slice(0, 2));
    expect(lines(ndjson.stdout).map((line) => JSON.parse(line))).toEqual(todos.slice(0, 2));
    expect([json.code, json.stderr, ndjson.code, ndjson.stderr]).toEqual([0, '', 0, '']);
  });
});

describe.concurrent('todo show', () => {
  it('shows every field of one todo, one per line', async () => {
    const user = await newUser();
    const [todo] = await seed(user, {
      title: 'Renew passport',
      notes: 'photos first',
      dueDate: '2099-12-31',
      priority: 'high',
      tags: ['admin', 'travel'],
    });
    const run = await user.run(['show', todo.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `id       ${todo.id}`,
        'title    Renew passport',
        'status   open',
        'due      2099-12-31',
        'priority high',
        'tags     #admin #travel',
        'notes    photos first',
        `created  ${todo.createdAt}`,
        `updated  ${todo.updatedAt} (version 1)`,
        '',
      ].join('\n'),
    );
  });

  it('prints the todo as JSON with --json and as one line with --ndjson', async () => {
    const user = await newUser();
    const [todo] = await seed(user, { title: 'Renew passport', done: true });
    const [json, ndjson] = await Promise.all([
      user.run(['show', todo.id, '--json']),
      user.run(['show', todo.id, '--ndjson']),
    ]);
    expect(JSON.parse(json.stdout)).toEqual(todo);
    expect(ndjson.stdout).toBe(`${JSON.stringify(todo)}\n`);
  });
});

describe.concurrent('todo done and todo reopen', () => {
  it('mark several todos at once, named by row number, saying which on stderr', async () => {
    const user = await newUser();
    const [first, , third] = await seed(user, { title: 'First' }, { title: 'Second' }, { title: 'Third' });
    await user.run(['list']);
    const done = await user.run(['done', '1', '3']);
    expect(done).toEqual({
      code: 0,
      stdout: '',
      stderr: `Done First ${first.id}\nDone Third ${third.id}\n`,
    });
    expect((await everyTodo(user)).map((todo) => todo.completed)).toEqual([true, false, true]);

    const reopened = await user.run(['reopen', first.id, third.id]);
    expect(reopened).toEqual({
      code: 0,
      stdout: '',
      stderr: `Reopened First ${first.id}\nReopened Third ${third.id}\n`,
    });
    expect((await everyTodo(user)).every((todo) => !todo.completed)).toBe(true);
  });

  it('print the changed todos as a JSON array with --json, one a line with --ndjson', async () => {
    const user = await newUser();
    const [first, second] = await seed(user, { title: 'First' }, { title: 'Second' });
    const json = await user.run(['done', first.id, second.id, '--json']);
    const changed = JSON.parse(json.stdout) as Todo[];
    expect(changed.map((todo) => [todo.id, todo.completed])).toEqual([
      [first.id, true],
      [second.id, true],
    ]);
    const ndjson = await user.run(['reopen', first.id, second.id, '--ndjson']);
    expect(lines(ndjson.stdout).map((line) => (JSON.parse(line) as Todo).completed)).toEqual([false, false]);
  });
});

describe.concurrent('todo edit', () => {
  it('writes nothing when the flags ask for what the todo already has: "Nothing to change", same version', async () => {
    const user = await newUser();
    const [todo] = await seed(user, { title: 'Buy milk', priority: 'high', tags: ['home'], notes: 'oat' });
    const run = await user.run([
      'edit',
      todo.id,
      '--title',
      'Buy milk',
      '-p',
      'high',
      '--add-tag',
      '#Home',
      '--notes',
      'oat',
      '--due',
      'none',
    ]);
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: `Nothing to change: Buy milk ${todo.id} version 1\n`,
    });
    expect(await user.api.todos.get(todo.id)).toEqual(todo);
    // And nothing to undo either: the unchanged edit is no change.
    expect((await user.run(['undo'])).code).toBe(1);
  });

  it('changes the title, clears the due day and adds and removes tags', async () => {
    const user = await newUser();
    const [todo] = await seed(user, { title: 'Buy milk', dueDate: '2099-12-31', tags: ['home', 'errand'] });
    const run = await user.run([
      'edit',
      todo.id,
      '--title',
      'Buy oat milk',
      '--due',
      'none',
      '--add-tag',
      'shop',
      '--rm-tag',
      'errand',
    ]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: `Updated Buy oat milk ${todo.id} version 2\n` });
    expect(await user.api.todos.get(todo.id)).toMatchObject({
      title: 'Buy oat milk',
      dueDate: null,
      tags: ['home', 'shop'],
    });
  });

  it('replaces every tag with --tags, "" for none, and prints the todo with --json', async () => {
    const user = await newUser();
    const [todo] = await seed(user, { title: 'Plan trip', tags: ['travel', 'fun'] });
    const replaced = await user.run(['edit', todo.id, '--tags', 'work, q3', '--priority', 'high', '--json']);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ tags: ['work', 'q3'], priority: 'high', version: 2 });
    const cleared = await user.run(['edit', todo.id, '--tags', '', '--notes', 'later']);
    expect(cleared.code).toBe(0);
    expect(await user.api.todos.get(todo.id)).toMatchObject({ tags: [], notes: 'later', version: 3 });
  });
});

describe.concurrent('tags typed with "#"', () => {
  it('are taken without it by add -t, list -t and edit --add-tag, --rm-tag and --tags', async () => {
    const user = await newUser();
    const added = await user.run(['add', 'Weed the beds', '-t', '#garden', '-t', '#Home,#weekly', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const todo = JSON.parse(added.stdout) as Todo;
    expect(todo.tags).toEqual(['garden', 'home', 'weekly']);
    const listed = await user.run(['list', '-t', '#garden', '--json']);
    expect((JSON.parse(listed.stdout) as Todo[]).map((each) => each.id)).toEqual([todo.id]);
    const edited = await user.run(['edit', todo.id, '--add-tag', '#urgent', '--rm-tag', '#weekly', '--json']);
    expect((JSON.parse(edited.stdout) as Todo).tags).toEqual(['garden', 'home', 'urgent']);
    const replaced = await user.run(['edit', todo.id, '--tags', '#a, #b', '--json']);
    expect((JSON.parse(replaced.stdout) as Todo).tags).toEqual(['a', 'b']);
  });
});

describe.concurrent('todo rm', () => {
  it('deletes several todos with --yes and says which on stderr', async () => {
    const user = await newUser();
    const [keep, first, second] = await seed(
      user,
      { title: 'Keep' },
      { title: 'Drop one' },
      { title: 'Drop two' },
    );
    const run = await user.run(['rm', first.id, second.id, '--yes']);
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: `Deleted Drop one ${first.id}\nDeleted Drop two ${second.id}\n`,
    });
    expect((await everyTodo(user)).map((todo) => todo.id)).toEqual([keep.id]);
  });

  it('prints what it deleted as JSON with --json', async () => {
    const user = await newUser();
    const [todo] = await seed(user, { title: 'Drop' });
    const run = await user.run(['rm', todo.id, '-y', '--json']);
    expect(JSON.parse(run.stdout)).toEqual([{ id: todo.id, deleted: true }]);
    expect(await everyTodo(user)).toEqual([]);
  });
});

describe.concurrent('todo export', () => {
  const seedForExport = (user: TodoUser) =>
    seed(
      user,
      { title: 'Title, with "quote"', tags: ['a', 'b'], notes: 'two\nlines' },
      { title: 'Done already', done: true, dueDate: '2099-12-31', priority: 'high' },
    );

  it('writes every todo, open and done, as a JSON array by default and one a line as NDJSON', async () => {
    const user = await newUser();
    const todos = await seedForExport(user);
    const [json, ndjson] = await Promise.all([
      user.run(['export']),
      user.run(['export', '--format', 'ndjson']),
    ]);
    const withList = todos.map((todo) => ({ ...todo, list: 'Inbox' }));
    expect(JSON.parse(json.stdout)).toEqual(withList);
    expect(lines(ndjson.stdout).map((line) => JSON.parse(line))).toEqual(withList);
    expect([json.code, json.stderr, ndjson.code, ndjson.stderr]).toEqual([0, '', 0, '']);
  });

  it('writes an empty JSON array when there are no todos', async () => {
    const user = await newUser();
    expect(JSON.parse((await user.run(['export'])).stdout)).toEqual([]);
  });

  it('writes CSV with a header, quoting a title with a comma and a quote as RFC 4180 says', async () => {
    const user = await newUser();
    const [quoted, done] = await seedForExport(user);
    const run = await user.run(['export', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'id,title,notes,completed,completedAt,dueDate,dueTime,recurrence,priority,tags,createdAt,updatedAt,version,list',
        `${quoted.id},"Title, with ""quote""","two\nlines",false,,,,,normal,a;b,${quoted.createdAt},${quoted.updatedAt},1,Inbox`,
        `${done.id},Done already,,true,${done.completedAt},2099-12-31,,,high,,${done.createdAt},${done.updatedAt},2,Inbox`,
        '',
      ].join('\n'),
    );
  });

  it('writes the file named by -o, the same as stdout would get, and leaves nothing else behind', async () => {
    const user = await newUser();
    await seedForExport(user);
    const file = join(user.configDir, 'todos.csv');
    const [toFile, toStdout] = await Promise.all([
      user.run(['export', '-f', 'csv', '-o', file]),
      user.run(['export', '-f', 'csv']),
    ]);
    expect(toFile).toEqual({ code: 0, stdout: '', stderr: `Exported to ${file} (csv).\n` });
    expect(await readFile(file, 'utf8')).toBe(toStdout.stdout);
    expect((await readdir(user.configDir)).filter((name) => name.startsWith('todos'))).toEqual(['todos.csv']);
  });

  it('leaves the file named by -o as it was, and no partial file, when the API fails halfway', async () => {
    const user = await newUser();
    // More than the todos of one page, so the export has written the first page when the second fails.
    const count = MAX_PAGE_SIZE + 5;
    for (let made = 0; made < count; made += 21) {
      await Promise.all(
        Array.from({ length: Math.min(21, count - made) }, (_, index) =>
          user.api.todos.create({ title: `Todo ${made + index}` }),
        ),
      );
    }
    const file = join(user.configDir, 'todos.json');
    await writeFile(file, 'the previous export\n');
    const proxy = await startPageDroppingProxy(api.stack.url);
    try {
      const run = await user.run(['export', '-o', file], { env: { TODO_API_URL: proxy.url } });
      expectErrorLine(run, 7, `cannot reach the API at ${proxy.url}`);
    } finally {
      await proxy.close();
    }
    expect(await readFile(file, 'utf8')).toBe('the previous export\n');
    expect((await readdir(user.configDir)).filter((name) => name.startsWith('todos'))).toEqual([
      'todos.json',
    ]);
  });
});

describe.concurrent('todo config', () => {
  it('starts with one default profile for the local gateway, kept in TODO_CONFIG_DIR', async () => {
    const user = await newUser();
    const [path, list, baseUrl, timeout] = await Promise.all([
      user.run(['config', 'path']),
      user.run(['config', 'list']),
      user.run(['config', 'get', 'baseUrl']),
      user.run(['config', 'get', 'timeout']),
    ]);
    const configFile = join(user.configDir, 'config.json');
    expect(path).toEqual({ code: 0, stdout: `${configFile}\n`, stderr: '' });
    expect(list).toEqual({
      code: 0,
      stdout: '* default      http://localhost:3000  timeout 10000 ms\n',
      stderr: `settings in ${configFile}\n`,
    });
    expect([baseUrl.stdout, timeout.stdout]).toEqual(['http://localhost:3000\n', '10000\n']);
  });

  it('creates a profile with set --profile, makes it the default with use, and the commands then use it', async () => {
    const user = await newUser();
    await seed(user, { title: 'Seen through the work profile' });
    const set = await user.run(['config', 'set', 'baseUrl', `${api.stack.url}/`, '--profile', 'work']);
    expect(set).toEqual({ code: 0, stdout: '', stderr: 'Set baseUrl of profile work.\n' });
    expect((await user.run(['config', 'get', 'baseUrl', '--profile', 'work'])).stdout).toBe(
      `${api.stack.url}\n`,
    );

    expect(await user.run(['config', 'use', 'work'])).toMatchObject({
      code: 0,
      stderr: 'Profile work is now the default.\n',
    });
    const withoutOverride = { env: { TODO_API_URL: undefined } };
    const [list, todos] = await Promise.all([
      user.run(['config', 'list'], withoutOverride),
      user.run(['list'], withoutOverride),
    ]);
    expect(lines(list.stdout)).toEqual([
      '  default      http://localhost:3000  timeout 10000 ms',
      `* work         ${api.stack.url}  timeout 10000 ms`,
    ]);
    expect(todos.stdout).toContain('Seen through the work profile');
    expect(JSON.parse((await user.run(['config', 'list', '--json'])).stdout)).toEqual({
      defaultProfile: 'work',
      profiles: {
        default: { baseUrl: 'http://localhost:3000', timeoutMs: 10000 },
        work: { baseUrl: api.stack.url, timeoutMs: 10000 },
      },
    });
  });

  it('takes --profile over TODO_PROFILE over the default profile', async () => {
    const user = await newUser();
    await user.run(['config', 'set', 'timeout', '2000', '--profile', 'slow']);
    await user.run(['config', 'set', 'timeout', '500', '--profile', 'fast']);
    const [fromEnv, fromFlag, fromDefault] = await Promise.all([
      user.run(['config', 'get', 'timeout'], { env: { TODO_PROFILE: 'slow' } }),
      user.run(['config', 'get', 'timeout', '--profile', 'fast'], { env: { TODO_PROFILE: 'slow' } }),
      user.run(['config', 'get', 'timeout']),
    ]);
    expect([fromEnv.stdout, fromFlag.stdout, fromDefault.stdout]).toEqual(['2000\n', '500\n', '10000\n']);
  });

  it('lets TODO_API_URL override the profile URL for one run', async () => {
    const user = await newUser();
    await seed(user, { title: 'Reached through TODO_API_URL' });
    await user.run(['config', 'set', 'baseUrl', 'http://127.0.0.1:9']);
    const [overridden, fromProfile] = await Promise.all([
      user.run(['list']),
      user.run(['list'], { env: { TODO_API_URL: undefined } }),
    ]);
    expect(overridden.stdout).toContain('Reached through TODO_API_URL');
    expectErrorLine(fromProfile, 7, 'cannot reach the API at http://127.0.0.1:9');
  });

  it('keeps where a profile signs in: authUrl and clientId, with the local gateway as the default', async () => {
    const user = await newUser();
    const withoutOverride = { env: { TODO_API_URL: undefined } };
    const defaults = await Promise.all([
      user.run(['config', 'get', 'authUrl'], withoutOverride),
      user.run(['config', 'get', 'clientId']),
    ]);
    expect(defaults.map((run) => run.stdout)).toEqual(['http://localhost:3000\n', 'todolist-cli\n']);
    const cognito = 'https://todolist.auth.eu-west-1.amazoncognito.com';
    await user.run(['config', 'set', 'authUrl', `${cognito}/`, '--profile', 'aws']);
    await user.run(['config', 'set', 'clientId', '1example23456789', '--profile', 'aws']);
    const [authUrl, clientId, badUrl, badClient] = await Promise.all([
      user.run(['config', 'get', 'authUrl', '--profile', 'aws']),
      user.run(['config', 'get', 'clientId', '--profile', 'aws']),
      user.run(['config', 'set', 'authUrl', 'cognito']),
      user.run(['config', 'set', 'clientId', 'two words']),
    ]);
    expect([authUrl.stdout, clientId.stdout]).toEqual([`${cognito}\n`, '1example23456789\n']);
    expectErrorLine(badUrl, 2, 'authUrl must be an http(s) URL');
    expectErrorLine(badClient, 2, 'clientId is 1–128 letters');
  });

  it('deletes a profile with rm, but never the default one', async () => {
    const user = await newUser();
    await user.run(['config', 'set', 'baseUrl', 'https://api.example.com', '--profile', 'old']);
    const [refused, deleted] = await Promise.all([
      user.run(['config', 'rm', 'default']),
      user.run(['config', 'rm', 'old']),
    ]);
    expectErrorLine(refused, 2, '"default" is the default profile');
    expect(deleted).toEqual({ code: 0, stdout: '', stderr: 'Deleted profile old.\n' });
    expect(lines((await user.run(['config', 'list'])).stdout)).toEqual([
      '* default      http://localhost:3000  timeout 10000 ms',
    ]);
  });
});

describe.concurrent('todo completion', () => {
  // Completion needs no sign-in: one person with no token, and each shell's script made once.
  let user: TodoUser;
  const scripts = new Map<string, Promise<string>>();
  const scriptFor = (shell: string) => {
    let script = scripts.get(shell);
    if (!script) {
      script = user.run(['completion', shell]).then((run) => {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toBe('');
        return run.stdout;
      });
      scripts.set(shell, script);
    }
    return script;
  };
  beforeAll(async () => {
    user = await newTodoUser(api.stack.url, { token: 'no-token-needed-for-completion' });
  });

  const commands = [
    'add',
    'list',
    'today',
    'upcoming',
    'search',
    'show',
    'done',
    'reopen',
    'edit',
    'rm',
    'mv',
    'lists',
    'share',
    'unshare',
    'leave',
    'export',
    'login',
    'logout',
    'whoami',
    'auth',
    'undo',
    'config',
    'completion',
  ];

  it.each(['bash', 'zsh', 'fish'])('prints a %s script that offers every command', async (shell) => {
    const script = await scriptFor(shell);
    for (const command of commands) expect(script).toMatch(new RegExp(`\\b${command}\\b`));
  });

  it('prints a bash script that bash accepts and that completes "todo"', async () => {
    const file = await bashFile();
    const bash = spawnSync('bash', ['-c', `source ${file} && complete -p todo`], { encoding: 'utf8' });
    expect(bash.stderr).toBe('');
    expect(bash.stdout).toBe('complete -o default -F _todo todo\n');
  });

  /** The bash script, in a file bash can source. */
  let bashScriptFile: Promise<string> | undefined;
  const bashFile = () => {
    bashScriptFile ??= scriptFor('bash').then(async (script) => {
      const file = join(user.configDir, 'todo.bash');
      await writeFile(file, script);
      return file;
    });
    return bashScriptFile;
  };

  /** What bash offers after `todo <words>`, the cursor at the end of the last word. */
  async function bashOffers(...words: string[]): Promise<string[]> {
    const file = await bashFile();
    const setWords = ['todo', ...words].map((word) => `'${word}'`).join(' ');
    const script = `source ${file}; COMP_WORDS=(${setWords}); COMP_CWORD=${words.length}; _todo; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const bash = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(bash.stderr).toBe('');
    return bash.stdout.split('\n').filter(Boolean);
  }

  it.each([
    [
      ['add', '--priority', ''],
      ['low', 'normal', 'high'],
    ],
    [['edit', '1', '-p', 'h'], ['high']],
    [
      ['export', '--format', ''],
      ['json', 'ndjson', 'csv', 'todotxt'],
    ],
    [
      ['export', '-s', ''],
      ['all', 'open', 'completed'],
    ],
    [
      ['import', 'x.csv', '--format', ''],
      ['csv', 'json', 'ndjson'],
    ],
    [
      ['import', 'x.csv', '--from', ''],
      ['todoist', 'taskwarrior', 'todotxt'],
    ],
    [
      ['import', 'x.csv', '--progress', ''],
      ['auto', 'json', 'none'],
    ],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [
      ['config', ''],
      ['list', 'get', 'set', 'use', 'rm', 'path'],
    ],
    [
      ['config', 'set', ''],
      ['baseUrl', 'timeout', 'authUrl', 'clientId', 'liveUrl', 'timeZone'],
    ],
    [
      ['auth', ''],
      ['token', 'status'],
    ],
    [
      ['lists', ''],
      ['list', 'ls', 'add', 'rename', 'archive', 'unarchive', 'rm', 'delete', 'members'],
    ],
    [
      ['lists', 'rm', 'old', '--'],
      ['--delete-todos', '--move-to', '--yes', '--profile', '--no-color', '--no-input', '--help'],
    ],
    [['lists', 'ls', '--a'], ['--archived']],
    [
      ['add', '--l'],
      ['--list', '--literal'],
    ],
    [
      ['list', '--li'],
      ['--limit', '--list'],
    ],
    [
      ['ls', '--d'],
      ['--done', '--due-before'],
    ],
  ])('bash completes todo %j with %j', async (words, offered) => {
    expect(await bashOffers(...words)).toEqual(offered);
  });

  it('bash offers every command once, and each command its options once', async () => {
    const names = await bashOffers('');
    expect(names).toEqual(expect.arrayContaining([...commands, 'ls', 'delete']));
    expect(new Set(names).size).toBe(names.length);
    for (const command of ['add', 'list', 'edit', 'rm', 'export', 'import', 'whoami']) {
      const options = await bashOffers(command, '-');
      expect(options).toEqual(expect.arrayContaining(['--help', '--profile', '--no-color', '--no-input']));
      expect(new Set(options).size, `${command}: ${options.join(' ')}`).toBe(options.length);
    }
  });

  it('zsh and fish offer the same values: priorities, formats, statuses, shells and config subcommands', async () => {
    const [zsh, fish] = await Promise.all([scriptFor('zsh'), scriptFor('fish')]);
    for (const values of [
      'low normal high',
      'json ndjson csv todotxt',
      'all open completed',
      'bash zsh fish',
    ]) {
      expect(zsh).toContain(`(${values})`);
      expect(fish).toContain(`-a '${values}'`);
    }
    expect(zsh).toContain("'1:value:(baseUrl timeout authUrl clientId liveUrl timeZone)'");
    for (const sub of ['list', 'get', 'set', 'use', 'rm', 'path']) {
      expect(zsh).toMatch(new RegExp(`'${sub}:[^']+'`));
      expect(fish).toContain(`-n '__todo_at config' -a ${sub} `);
    }
    const fishLines = fish.split('\n').filter((line) => line.startsWith('complete '));
    expect(new Set(fishLines).size).toBe(fishLines.length);
    // No option specified twice within one zsh _arguments call ('--all[…]' or {-p,--priority}'[…]').
    for (const [, call = ''] of zsh.matchAll(/_arguments (.+)$/gm)) {
      const names = [...call.matchAll(/['{,](--[\w-]+)['[}]/g)].map(([, name]) => name);
      expect(names.length, call).toBeGreaterThan(0);
      expect(new Set(names).size, call).toBe(names.length);
    }
  });
});
