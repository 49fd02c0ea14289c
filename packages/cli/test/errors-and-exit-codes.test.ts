import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { LocalStack } from '@todolist/local/testing';
import type { Todo } from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, packageVersion, todoBin } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import { startLocalApi } from './support/local-api.js';
import { closeTerminals, hasPseudoTerminal, openTerminal } from './support/pseudo-terminal.js';
import { newTodoUser, removeTodoUsers, type TodoUser } from './support/todo-user.js';

// What a person or a script sees when something is wrong: one line on stderr, starting with
// "todo:", never a stack trace, and an exit code that says what kind of wrong (see exit-codes.ts).

let stack: LocalStack;
/** A port nothing listens on. */
let closedPort: number;

beforeAll(async () => {
  [stack, closedPort] = await Promise.all([startLocalApi(), freePort(), ensureCliBuilt()]);
}, 120_000);

afterAll(async () => {
  // Not after each test: the tests run side by side, and another's terminal may still be open.
  await closeTerminals();
  await stack?.close();
  await removeTodoUsers();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that takes requests and never answers them: an API that hangs. */
async function startSilentServer() {
  let requested: () => void = () => undefined;
  const server = createHttpServer(() => requested());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    /** Settles once the first request has come in. */
    requested: new Promise<void>((resolve) => (requested = resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const newUser = () => newTodoUser(stack.url);
const someTodo = (user: TodoUser, title = 'Something') => user.api.todos.create({ title });

describe.concurrent('usage errors (exit 2)', () => {
  it('suggests the nearest command for a misspelt one', async () => {
    const user = await newUser();
    expectErrorLine(await user.run(['lsit']), 2, /^todo: unknown command 'lsit' \(Did you mean list\?\)/);
  });

  it('suggests the nearest option for a misspelt one', async () => {
    const user = await newUser();
    expectErrorLine(await user.run(['list', '--alll']), 2, "unknown option '--alll' (Did you mean --all?)");
  });

  it.each([
    [['show'], "missing required argument 'id'"],
    [['done'], "missing required argument 'ids'"],
    [['edit'], "missing required argument 'id'"],
    [['config', 'set', 'baseUrl'], "missing required argument 'value'"],
    [['completion'], "missing required argument 'shell'"],
    [['add', 'Milk', '--due'], "option '-d, --due <date>' argument missing"],
    [['show', '1', '2'], 'too many arguments'],
  ])('names what is missing or extra: todo %j', async (args, message) => {
    const user = await newUser();
    expectErrorLine(await user.run(args), 2, message);
  });

  it.each([
    [['add', 'Milk', '--priority', 'urgent'], 'priority must be one of low, normal, high (got "urgent")'],
    [['edit', '01KMZ7X3AB', '-p', 'top'], 'priority must be one of low, normal, high (got "top")'],
    [['add', 'Milk', '--due', '2027-02-30'], '"2027-02-30" is not a date: use YYYY-MM-DD, today, tomorrow'],
    [['add', 'Milk', '--due', 'someday'], '"someday" is not a date'],
    [['list', '--due-before', '31/12/2027'], '"31/12/2027" is not a date'],
    [['list', '--limit', '0'], '--limit must be a whole number from 1 (got "0")'],
    [['list', '--all', '--done'], 'choose one of --all and --done'],
    [['list', '--json', '--ndjson'], 'choose one of --json and --ndjson'],
    [['export', '--format', 'xml'], '--format must be json, ndjson, csv or todotxt (got "xml")'],
    [['completion', 'tcsh'], 'no completion for "tcsh": use bash, zsh or fish'],
    [['config', 'set', 'timeout', '50'], 'timeout is in milliseconds, at least 100 (got "50")'],
    [['config', 'set', 'baseUrl', 'ftp://example.com'], 'baseUrl must be http or https'],
    [
      ['config', 'get', 'colour'],
      'unknown setting "colour": use baseUrl, timeout, authUrl, clientId, liveUrl or timeZone',
    ],
    [
      ['config', 'set', 'timeZone', 'Mars/Olympus'],
      'timeZone must be an IANA time zone such as Europe/Paris (got "Mars/Olympus")',
    ],
    [['--profile', 'nope', 'list'], 'no profile named "nope" (profiles: default)'],
  ])('says what is wrong with the input: todo %j', async (args, message) => {
    const user = await newUser();
    expectErrorLine(await user.run(args), 2, message);
  });

  it.each([
    [['add', '   '], 'title must be 1–200 characters and not blank'],
    [['add', 'Milk', '--tag', 'two words'], 'a tag must be 1–32 characters of a–z'],
  ])('passes on what the API refuses, in its words: todo %j', async (args, message) => {
    const user = await newUser();
    expectErrorLine(await user.run(args), 2, message);
    expect((await user.api.todos.list()).items).toEqual([]);
  });

  it('refuses a settings file that is not JSON, and leaves it for the user to fix', async () => {
    const user = await newUser();
    const file = join(user.configDir, 'config.json');
    await writeFile(file, '{ "profiles": ');
    expectErrorLine(
      await user.run(['list']),
      2,
      `${file} is not valid JSON: fix it or delete it to start again`,
    );
    expect(await readFile(file, 'utf8')).toBe('{ "profiles": ');
  });

  it('refuses an export file it cannot write: a missing folder or a folder', async () => {
    const user = await newUser();
    const folder = join(user.configDir, 'exports');
    await mkdir(folder);
    const missing = join(user.configDir, 'missing', 'todos.json');
    const [intoMissing, ontoFolder] = await Promise.all([
      user.run(['export', '-o', missing]),
      user.run(['export', '-o', folder]),
    ]);
    expectErrorLine(intoMissing, 2, `cannot write ${missing}: its folder does not exist`);
    expectErrorLine(ontoFolder, 2, `cannot write ${folder}: it is a folder`);
  });
});

describe.concurrent('not found (exit 3)', () => {
  it.each([['show'], ['done'], ['reopen'], ['edit', '--title', 'New'], ['rm', '--yes']])(
    'todo %s with the id of no todo',
    async (command, ...flags) => {
      const user = await newUser();
      const todo = await someTodo(user);
      await user.api.todos.delete(todo.id);
      expectErrorLine(await user.run([command, todo.id, ...flags]), 3, `no todo with id ${todo.id}`);
    },
  );
});

describe.concurrent('not signed in (exit 4)', () => {
  it('todo list with no TODO_TOKEN and no stored sign-in says to run todo login', async () => {
    const user = await newUser();
    await someTodo(user, 'Only for the signed in');
    const run = await user.run(['list'], { env: { TODO_TOKEN: undefined } });
    expectErrorLine(run, 4, /^todo: not signed in \(profile default\): run todo login\n$/);
  });

  it('todo list with a TODO_TOKEN the gateway refuses ends with exit 4 and one line', async () => {
    const user = await newUser();
    // Their own token with its signature zeroed: the gateway cannot tell who sent it.
    const [header, payload, signature = ''] = user.token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(signature.length)}`;
    const run = await user.run(['list'], { env: { TODO_TOKEN: forged } });
    expectErrorLine(
      run,
      4,
      /the API refused the credentials: the token's signature does not verify with this gateway's key .*; renew TODO_TOKEN, or unset it to use todo login \(request id /,
    );
  });
});

describe.concurrent('the API cannot be reached (exit 7)', () => {
  it.each([['list'], ['add', 'Milk'], ['show', '01KMZ7X3ABCDEFGHJKMNPQRSTV'], ['export']])(
    'todo %s names the URL it tried',
    async (...args) => {
      const user = await newUser();
      const url = `http://127.0.0.1:${closedPort}`;
      const run = await user.run(args, { env: { TODO_API_URL: url } });
      expectErrorLine(run, 7, `todo: cannot reach the API at ${url}: is it running?`);
    },
  );
});

describe.concurrent('the API does not answer in time (exit 7)', () => {
  it('says so after the profile timeout, and how to raise it', async () => {
    const user = await newUser();
    const silent = await startSilentServer();
    try {
      await user.run(['config', 'set', 'timeout', '100']);
      const run = await user.run(['list'], { env: { TODO_API_URL: silent.url } });
      expectErrorLine(
        run,
        7,
        `the API at ${silent.url} did not answer in time; try again, or raise the profile's timeout`,
      );
    } finally {
      await silent.close();
    }
  });
});

describe.skipIf(!hasPseudoTerminal).concurrent('interrupted (exit 130)', () => {
  it('Ctrl-C while waiting for the API stops at once, quietly', async () => {
    const user = await newUser();
    const silent = await startSilentServer();
    try {
      const terminal = openTerminal(['list'], { ...user.env, TODO_API_URL: silent.url });
      await silent.requested;
      terminal.type('\x03');
      expect(await terminal.exited).toBe(130);
      expect(terminal.screen()).toBe('^C');
    } finally {
      await silent.close();
    }
  });
});

describe.skipIf(!hasPseudoTerminal).concurrent('someone else changed the todo meanwhile (exit 5)', () => {
  it('todo edit on a terminal writes nothing over a change made while it asked', async () => {
    const user = await newUser();
    const todo = await someTodo(user, 'Draft');
    const terminal = openTerminal(['edit', todo.id], user.env);
    await terminal.waitFor('Title (Draft)');
    await user.api.todos.update(todo.id, { title: 'Changed elsewhere' });
    // A new title (answers all kept as they were would change nothing, and write nothing).
    terminal.type('Final draft\r');
    // Enter keeps each other answer as it was.
    for (const prompt of ['Notes', 'Due', 'Priority', 'Tags']) {
      await terminal.waitFor(prompt);
      terminal.type('\r');
    }
    expect(await terminal.exited).toBe(5);
    expect(terminal.screen()).toContain(
      'todo: someone changed this todo meanwhile; nothing was changed: run the command again',
    );
    expect(await user.api.todos.get(todo.id)).toMatchObject({ title: 'Changed elsewhere', version: 2 });
  });

  it('todo rm on a terminal deletes nothing that changed while it asked', async () => {
    const user = await newUser();
    const todo = await someTodo(user, 'Maybe drop');
    const terminal = openTerminal(['rm', todo.id], user.env);
    await terminal.waitFor('Delete "Maybe drop"?');
    await user.api.todos.update(todo.id, { notes: 'actually, keep it' });
    terminal.type('y\r');
    expect(await terminal.exited).toBe(5);
    expect(terminal.screen()).toContain('todo: someone changed this todo meanwhile; nothing was changed');
    expect(await user.api.todos.get(todo.id)).toMatchObject({ notes: 'actually, keep it' });
  });
});

describe.concurrent('error lines', () => {
  it('never show a stack trace, but TODO_DEBUG=1 does', async () => {
    const user = await newUser();
    const [quiet, debug] = await Promise.all([
      user.run(['show', 'zzzz']),
      user.run(['show', 'zzzz'], { env: { TODO_DEBUG: '1' } }),
    ]);
    expectErrorLine(quiet, 3, 'no todo id starts with "zzzz"');
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/^todo: no todo id starts with "zzzz"\n.*\n {4}at /);
  });

  it('leave nothing on stderr when a reader stops early (todo export | head -n 1)', async () => {
    const user = await newUser();
    // More than one page, so todo is still writing the second when head has gone.
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 25 }, (_, index) => someTodo(user, `Todo ${batch}-${index}`)));
    }
    const stderrFile = join(user.configDir, 'stderr.txt');
    const pipeline = `"${process.execPath}" "${todoBin}" export --format ndjson 2>"${stderrFile}" | head -n 1; echo "exit \${PIPESTATUS[0]}"`;
    // Not spawnSync: the API answering todo runs in this process.
    const shell = spawn('bash', ['-c', pipeline], { env: user.env });
    let stdout = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    await new Promise((resolve) => shell.once('close', resolve));
    const [first, ...rest] = stdout.split('\n');
    expect((JSON.parse(first ?? '') as Todo).title).toMatch(/^Todo 0-/);
    expect(rest).toEqual(['exit 0', '']);
    expect(await readFile(stderrFile, 'utf8')).toBe('');
  });
});

describe.concurrent('help and version', () => {
  const commands = [
    ['add'],
    ['list'],
    ['show'],
    ['done'],
    ['reopen'],
    ['edit'],
    ['rm'],
    ['export'],
    ['login'],
    ['logout'],
    ['whoami'],
    ['undo'],
    ['auth'],
    ['auth', 'token'],
    ['auth', 'status'],
    ['completion'],
    ['config'],
    ['config', 'list'],
    ['config', 'get'],
    ['config', 'set'],
    ['config', 'use'],
    ['config', 'rm'],
    ['config', 'path'],
  ];

  it.each(commands)('todo %s --help explains it with examples and exits 0', async (...command) => {
    const user = await newUser();
    const run = await user.run([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^Usage: todo ${command.join(' ')}[| ]`));
    expect(run.stdout).toMatch(/\nExamples:\n {2}\$ /);
  });

  it('todo --help lists every command and what the exit codes mean', async () => {
    const user = await newUser();
    const run = await user.run(['--help']);
    expect(run.code).toBe(0);
    for (const [command] of commands) expect(run.stdout).toMatch(new RegExp(`\n  ${command}\\b`));
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('Exit codes: 0 done, 1 failed, 2 usage or invalid input, 3 not found');
  });

  it('todo --version and -V print the package version', async () => {
    const user = await newUser();
    const runs = await Promise.all([user.run(['--version']), user.run(['-V'])]);
    for (const run of runs) expect(run).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });
});
