import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalStack, signInLocally } from '@todolist/local/testing';
import type { ImportProgress, Todo } from '@todolist/sdk';
import { MAX_IMPORT_ITEMS } from '@todolist/sdk/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from './support/built-cli.js';
import { expectErrorLine } from './support/error-line.js';
import {
  ensureGatewayBuilt,
  type GatewayProcess,
  startGatewayProcess,
  stopGatewayProcesses,
} from './support/gateway-process.js';
import { startLocalApi } from './support/local-api.js';
import { startTodo, stopTodoRuns } from './support/running-todo.js';
import { newTodoUser, removeTodoUsers, type TodoUser } from './support/todo-user.js';

// `todo import` as a person runs it: the built binary, off a terminal, started in the user's home
// folder where their files are, against the real API. Each test is a new user with no todos.

let stack: LocalStack;

beforeAll(async () => {
  [stack] = await Promise.all([startLocalApi(), ensureCliBuilt(), ensureGatewayBuilt()]);
}, 120_000);

afterAll(async () => {
  await stopTodoRuns();
  await stack?.close();
  await removeTodoUsers();
});

const newUser = () => newTodoUser(stack.url);

/** Writes a file in the user's home folder, the folder every run of theirs starts in. */
const putFile = (user: TodoUser, name: string, text: string) => writeFile(join(user.configDir, name), text);

const runImport = (user: TodoUser, ...args: string[]) =>
  user.run(['import', ...args], { cwd: user.configDir });

/** Runs `todo import <args>` with `input` on standard input. */
const runImportFrom = (user: TodoUser, input: string, ...args: string[]) =>
  startTodo(['import', ...args], user.env, { cwd: user.configDir, input }).finished;

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** A line of the rejects file. */
interface Reject {
  line: number;
  message: string;
  row: Record<string, unknown>;
}

async function rejectsIn(user: TodoUser, name: string): Promise<Reject[]> {
  return lines(await readFile(join(user.configDir, name), 'utf8')).map((line) => JSON.parse(line) as Reject);
}

async function everyTodo(user: TodoUser): Promise<Todo[]> {
  const todos: Todo[] = [];
  for await (const todo of user.api.todos.iterate({ status: 'all' })) todos.push(todo);
  return todos;
}

const titlesOf = async (user: TodoUser) => (await everyTodo(user)).map((todo) => todo.title);

const THREE_TODOS_CSV = 'title,priority\nBuy milk,high\nCall the bank,\nWater plants,low\n';

describe.concurrent('todo import: formats, good rows and bad', () => {
  it('imports the good rows of a CSV and writes the bad ones to the rejects file with their line numbers (exit 1)', async () => {
    const user = await newUser();
    await putFile(
      user,
      'todos.csv',
      [
        'title,notes,due,priority,tags,completed',
        '"Buy milk, eggs","She said ""oat"", not cow",2099-12-31,high,home;errand,yes',
        'Call the bank,,,low,,no',
        ',notes without a title,,,,',
        'Pay rent,"for March',
        'and April",2099-13-45,,,x',
        'Water plants,,,,garden ; balcony,x',
      ].join('\n'),
    );
    const run = await runImport(user, 'todos.csv');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'Imported 3 todos from todos.csv: 3 new; 2 rows rejected.',
      'todo: 2 rows rejected (written to todos.csv.rejects.ndjson); the others were imported',
    ]);
    expect(await everyTodo(user)).toMatchObject([
      {
        title: 'Buy milk, eggs',
        notes: 'She said "oat", not cow',
        dueDate: '2099-12-31',
        priority: 'high',
        tags: ['home', 'errand'],
        completed: true,
      },
      { title: 'Call the bank', notes: null, dueDate: null, priority: 'low', tags: [], completed: false },
      { title: 'Water plants', priority: 'normal', tags: ['garden', 'balcony'], completed: true },
    ]);
    // A rejected row is reported on the line it starts on, even when a quoted cell spans two.
    const rejects = await rejectsIn(user, 'todos.csv.rejects.ndjson');
    expect(rejects).toMatchObject([
      { line: 4, message: expect.stringContaining('title'), row: { notes: 'notes without a title' } },
      { line: 5, message: expect.stringContaining('dueDate'), row: { title: 'Pay rent', due: '2099-13-45' } },
    ]);
  });

  it('imports a JSON array, rejecting an item that is no object and one with a bad priority by item number', async () => {
    const user = await newUser();
    await putFile(
      user,
      'todos.json',
      JSON.stringify([
        { title: 'Buy milk', dueDate: '2099-12-31', tags: ['home'], completed: true },
        'Call the bank',
        { title: 'Pay rent', priority: 'urgent' },
        { title: 'Water plants', notes: null, priority: 'low' },
      ]),
    );
    const run = await runImport(user, 'todos.json');
    expect(run.code, run.stderr).toBe(1);
    expect(lines(run.stderr)[0]).toBe('Imported 2 todos from todos.json: 2 new; 2 rows rejected.');
    expect(await everyTodo(user)).toMatchObject([
      { title: 'Buy milk', dueDate: '2099-12-31', tags: ['home'], completed: true },
      { title: 'Water plants', notes: null, priority: 'low', completed: false },
    ]);
    expect(await rejectsIn(user, 'todos.json.rejects.ndjson')).toMatchObject([
      { line: 2, message: 'the item is not a JSON object' },
      { line: 3, message: expect.stringContaining('priority'), row: { title: 'Pay rent' } },
    ]);
  });

  it('imports NDJSON, rejecting a line that is not JSON by its line number, blank lines counted', async () => {
    const user = await newUser();
    await putFile(
      user,
      'todos.ndjson',
      '{"title":"Buy milk","priority":"high"}\n\nnot json at all\n{"title":"Call the bank"}\n',
    );
    const run = await runImport(user, 'todos.ndjson');
    expect(run.code, run.stderr).toBe(1);
    expect(await titlesOf(user)).toEqual(['Buy milk', 'Call the bank']);
    expect(await rejectsIn(user, 'todos.ndjson.rejects.ndjson')).toMatchObject([
      { line: 3, message: expect.stringMatching(/^the line is not valid JSON/) },
    ]);
  });

  it.each([
    ['csv', 'title,priority\nFrom a pipe,high\nAnother,low\n'],
    ['json', '[{"title":"From a pipe","priority":"high"},{"title":"Another","priority":"low"}]'],
    ['ndjson', '{"title":"From a pipe","priority":"high"}\n{"title":"Another","priority":"low"}\n'],
  ])(
    'reads %s from standard input with - and --format, and exits 0 when every row went in',
    async (format, input) => {
      const user = await newUser();
      const run = await runImportFrom(user, input, '-', '--format', format);
      expect(run).toEqual({ code: 0, stdout: '', stderr: 'Imported 2 todos from standard input: 2 new.\n' });
      expect(await everyTodo(user)).toMatchObject([
        { title: 'From a pipe', priority: 'high' },
        { title: 'Another', priority: 'low' },
      ]);
    },
  );

  it('takes the format from the extension (.jsonl is NDJSON), and --format over the extension', async () => {
    const user = await newUser();
    await putFile(user, 'a.jsonl', '{"title":"From jsonl"}\n');
    await putFile(user, 'b.json', '{"title":"NDJSON named .json"}\n');
    await putFile(user, 'c.txt', 'title\nCSV named .txt\n');
    expect((await runImport(user, 'a.jsonl')).code).toBe(0);
    expect((await runImport(user, 'b.json', '--format', 'ndjson')).code).toBe(0);
    expect((await runImport(user, 'c.txt', '-f', 'csv')).code).toBe(0);
    expect(await titlesOf(user)).toEqual(['From jsonl', 'NDJSON named .json', 'CSV named .txt']);
  });

  it('refuses a file whose format it cannot tell, or an unknown --format, with exit 2 and imports nothing', async () => {
    const user = await newUser();
    await putFile(user, 'tasks.txt', THREE_TODOS_CSV);
    expectErrorLine(
      await runImport(user, 'tasks.txt'),
      2,
      'cannot tell the format of "tasks.txt" from its name: add --format csv, json or ndjson',
    );
    expectErrorLine(
      await runImport(user, 'tasks.txt', '--format', 'xml'),
      2,
      '--format must be csv, json or ndjson (got "xml")',
    );
    expect(await everyTodo(user)).toEqual([]);
  });

  it('reads other column names with --map and leaves columns it does not know alone', async () => {
    const user = await newUser();
    await putFile(user, 'tasks.csv', 'Task,Due date,Where\nBuy milk,2099-12-31,shop\nCall the bank,,home\n');
    const run = await runImport(user, 'tasks.csv', '--map', 'Task=title,Due date=due');
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(await everyTodo(user)).toMatchObject([
      { title: 'Buy milk', dueDate: '2099-12-31', notes: null, tags: [] },
      { title: 'Call the bank', dueDate: null, notes: null, tags: [] },
    ]);
  });

  it('checks every row with --dry-run, reports the counts and imports nothing', async () => {
    const user = await newUser();
    await putFile(user, 'todos.csv', 'title,due\nBuy milk,\n,\nCall the bank,2099-12-31\n');
    const run = await runImport(user, 'todos.csv', '--dry-run');
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Dry run: 2 rows would be imported, 1 rejected.\ntodo: 1 row would be rejected (written to todos.csv.rejects.ndjson)\n',
    });
    expect(await rejectsIn(user, 'todos.csv.rejects.ndjson')).toMatchObject([{ line: 3 }]);

    await putFile(user, 'good.csv', THREE_TODOS_CSV);
    const clean = await runImport(user, 'good.csv', '--dry-run', '--json');
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(clean.stdout)).toEqual({ dryRun: true, valid: 3, rejected: 0, rejectsFile: null });
    expect(await everyTodo(user)).toEqual([]);
  });

  it('prints the summary as JSON on stdout with --json', async () => {
    const user = await newUser();
    await putFile(user, 'todos.csv', `${THREE_TODOS_CSV},no title\n`);
    const run = await runImport(user, 'todos.csv', '--json');
    expect(run.code).toBe(1);
    // Where the rejected rows went is said on stderr too, not only in the JSON.
    expect(run.stderr).toBe(
      'todo: 1 row rejected (written to todos.csv.rejects.ndjson); the others were imported\n',
    );
    expect(JSON.parse(run.stdout)).toEqual({
      importId: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      created: 3,
      existing: 0,
      rejected: 1,
      rejectsFile: 'todos.csv.rejects.ndjson',
    });
  });

  it('writes one NDJSON progress line per batch on stderr with --progress json', async () => {
    const user = await newUser();
    const rows = Array.from({ length: 250 }, (_, index) => JSON.stringify({ title: `Todo ${index + 1}` }));
    await putFile(user, 'many.ndjson', rows.join('\n'));
    const run = await runImport(user, 'many.ndjson', '--progress', 'json');
    expect(run.code, run.stderr).toBe(0);
    const shown = lines(run.stderr);
    expect(shown.at(-1)).toBe('Imported 250 todos from many.ndjson: 250 new.');
    const progress = shown.slice(0, -1).map((line) => JSON.parse(line) as ImportProgress & { rate: number });
    expect(progress).toHaveLength(Math.ceil(250 / MAX_IMPORT_ITEMS));
    for (const [index, line] of progress.entries()) {
      expect(line).toEqual({
        read: expect.any(Number),
        created: expect.any(Number),
        existing: 0,
        rejected: 0,
        rate: expect.any(Number),
      });
      expect(line.created).toBeGreaterThanOrEqual(progress[index - 1]?.created ?? 1);
    }
    expect(progress.at(-1)).toMatchObject({ read: 250, created: 250 });
  });
});

describe.concurrent('todo import: again, and --resume', () => {
  it('creates nothing twice when the same file is imported again, and says the rows were already there', async () => {
    const user = await newUser();
    await putFile(user, 'todos.csv', THREE_TODOS_CSV);
    expect((await runImport(user, 'todos.csv')).code).toBe(0);
    const again = await runImport(user, 'todos.csv');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /^"todos\.csv" was imported before \(.+\); rows already in are left as they are\.\n/,
    );
    expect(lines(again.stderr).at(-1)).toBe('Imported 3 todos from todos.csv: 0 new, 3 already there.');
    expect(await titlesOf(user)).toEqual(['Buy milk', 'Call the bank', 'Water plants']);
  });

  it('leaves a todo edited after the import as it was edited when the file is imported again', async () => {
    const user = await newUser();
    await putFile(user, 'todos.csv', THREE_TODOS_CSV);
    expect((await runImport(user, 'todos.csv')).code).toBe(0);
    const milk = (await everyTodo(user))[0] as Todo;
    const edit = await user.run(['edit', milk.id, '--title', 'Buy oat milk', '--priority', 'low']);
    expect(edit.code, edit.stderr).toBe(0);
    const edited = await user.api.todos.get(milk.id);
    expect(edited).toMatchObject({ title: 'Buy oat milk', priority: 'low', version: milk.version + 1 });

    const again = await runImport(user, 'todos.csv', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, existing: 3 });
    expect(await user.api.todos.get(milk.id)).toEqual(edited);
    expect(await titlesOf(user)).toEqual(['Buy oat milk', 'Call the bank', 'Water plants']);
  });

  it('adds only the fixed rows when the file is imported again after fixing its rejected rows', async () => {
    const user = await newUser();
    await putFile(user, 'todos.csv', `${THREE_TODOS_CSV}Book flights,urgent\n`);
    const first = await runImport(user, 'todos.csv');
    expect(first.code, first.stderr).toBe(1);
    expect(await titlesOf(user)).toEqual(['Buy milk', 'Call the bank', 'Water plants']);

    await putFile(user, 'todos.csv', `${THREE_TODOS_CSV}Book flights,high\n`);
    const fixed = await runImport(user, 'todos.csv');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toMatch(/^"todos\.csv" changed since it was last imported: rows imported then/);
    expect(lines(fixed.stderr).at(-1)).toBe('Imported 4 todos from todos.csv: 1 new, 3 already there.');
    expect(await titlesOf(user)).toEqual(['Buy milk', 'Call the bank', 'Water plants', 'Book flights']);
  });

  it('finds moved and repeated rows of an edited file by their content, adding only the new ones', async () => {
    const user = await newUser();
    await putFile(user, 'todos.ndjson', '{"title":"Pay rent"}\n{"title":"Walk"}\n{"title":"Walk"}\n');
    expect((await runImport(user, 'todos.ndjson')).code).toBe(0);

    // A new row first, the old ones moved down, and one more "Walk" than before.
    await putFile(
      user,
      'todos.ndjson',
      '{"title":"Call mum"}\n{"title":"Walk"}\n{"title":"Pay rent"}\n{"title":"Walk"}\n{"title":"Walk"}\n',
    );
    const again = await runImport(user, 'todos.ndjson', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 2, existing: 3 });
    expect((await titlesOf(user)).sort()).toEqual(['Call mum', 'Pay rent', 'Walk', 'Walk', 'Walk']);
  });

  it('refuses --resume with exit 2 when there is nothing to resume', async () => {
    const user = await newUser();
    await putFile(user, 'todos.csv', THREE_TODOS_CSV);
    expectErrorLine(
      await runImport(user, 'todos.csv', '--resume'),
      2,
      'no interrupted import of "todos.csv" (as it is now) to resume: run it without --resume',
    );
    expect(await everyTodo(user)).toEqual([]);

    expect((await runImport(user, 'todos.csv')).code).toBe(0);
    expectErrorLine(
      await runImport(user, 'todos.csv', '--resume'),
      2,
      /^todo: "todos\.csv" was imported completely on \S+: nothing to resume\n$/,
    );
    expectErrorLine(
      await runImportFrom(user, THREE_TODOS_CSV, '-', '--format', 'csv', '--resume'),
      2,
      '--resume needs a file: standard input cannot be read again',
    );
    expect(await everyTodo(user)).toHaveLength(3);
  });

  it.each([
    ['a file of its own format', [] as string[]],
    ['a file of its own format, with --import-id', ['--import-id', 'import-0001']],
    ['a Taskwarrior export, with --import-id', ['--from', 'taskwarrior', '--import-id', 'import-0002']],
  ])('refuses a file that is not there with exit 2, as %s', async (_, flags) => {
    const user = await newUser();
    expectErrorLine(
      await runImport(user, 'nosuch.csv', ...flags),
      2,
      'cannot read "nosuch.csv": no such file, or not readable',
    );
  });
});

describe.concurrent('todo import: what todo export wrote, dates as todo add reads them, rejected rows', () => {
  it.each(['csv', 'json', 'ndjson'])(
    'imports a %s export back into the same account as the todos it came from: 0 new, none doubled',
    async (format) => {
      const user = await newUser();
      await user.api.todos.create({
        title: 'Buy milk',
        tags: ['home'],
        notes: 'two\nlines',
        dueDate: '2099-12-31',
      });
      await user.api.todos.complete((await user.api.todos.create({ title: 'Done, with "quotes"' })).id);
      await user.api.todos.create({ title: 'Low', priority: 'low' });
      const before = await everyTodo(user);
      const file = `todos.${format}`;
      expect((await user.run(['export', '-f', format, '-o', file], { cwd: user.configDir })).code).toBe(0);
      const run = await runImport(user, file, '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, existing: 3, rejected: 0 });
      expect(await everyTodo(user)).toEqual(before);
    },
  );

  it.each(['csv', 'json', 'ndjson'])(
    'carries the due time over in a %s export imported by another person',
    async (format) => {
      const [from, into] = await Promise.all([newUser(), newUser()]);
      await from.api.todos.create({
        title: 'Dentist',
        dueDate: '2099-03-04',
        dueTime: '08:45',
        tags: ['health'],
      });
      await from.api.todos.create({ title: 'Some time that day', dueDate: '2099-03-05' });
      const file = join(from.configDir, `todos.${format}`);
      expect((await from.run(['export', '-f', format, '-o', file])).code).toBe(0);
      const run = await runImport(into, file, '--json');
      expect(run.code, run.stderr).toBe(0);
      const fields = (await everyTodo(into)).map(({ title, dueDate, dueTime }) => ({
        title,
        dueDate,
        dueTime,
      }));
      expect(fields).toEqual([
        { title: 'Dentist', dueDate: '2099-03-04', dueTime: '08:45' },
        { title: 'Some time that day', dueDate: '2099-03-05', dueTime: null },
      ]);
    },
  );

  it('reads a due day as todo add --due does: tomorrow, fri and +3d, as well as YYYY-MM-DD', async () => {
    const user = await newUser();
    await putFile(user, 'dates.csv', 'title,due\nA,tomorrow\nB,fri\nC,+3d\nD,2099-12-31\n');
    const run = await runImport(user, 'dates.csv');
    expect(run.code, run.stderr).toBe(0);
    const added = await Promise.all(
      ['tomorrow', 'fri', '+3d'].map(async (due) => {
        const json = (await user.run(['add', `Due ${due}`, '--due', due, '--json'])).stdout;
        return (JSON.parse(json) as Todo).dueDate;
      }),
    );
    const imported = (await everyTodo(user)).filter((todo) => todo.title.length === 1);
    expect(imported.map((todo) => todo.dueDate)).toEqual([...added, '2099-12-31']);
  });

  it('refuses a CSV without a title column once (exit 2), naming its columns and --map, and records nothing', async () => {
    const user = await newUser();
    await putFile(user, 'tasks.csv', 'Task,Due date\nBuy milk,tomorrow\nCall the bank,\n');
    expectErrorLine(
      await runImport(user, 'tasks.csv'),
      2,
      'tasks.csv has no title column (its columns: Task, Due date): name the one that holds the titles with --map "Task=title"',
    );
    expect((await readdir(user.configDir)).filter((name) => name.includes('rejects'))).toEqual([]);
    expect(await everyTodo(user)).toEqual([]);
    // The refused run left no interrupted import behind: the next one starts afresh.
    const mapped = await runImport(user, 'tasks.csv', '--map', 'Task=title,Due date=due');
    expect(mapped).toEqual({ code: 0, stdout: '', stderr: 'Imported 2 todos from tasks.csv: 2 new.\n' });
  });

  it('writes no rejects file for standard input unless --rejects names one, and shows the rejected rows instead', async () => {
    const user = await newUser();
    const input = 'title,due\nGood,\n,\nBad date,someday\n';
    const shown = await runImportFrom(user, input, '-', '--format', 'csv');
    expect(shown.code).toBe(1);
    expect(lines(shown.stderr)).toEqual([
      'Imported 1 todo from standard input: 1 new; 2 rows rejected.',
      'line 3: title must be 1–200 characters and not blank',
      expect.stringMatching(/^line 4: dueDate: "someday" is not a date/),
      'todo: 2 rows rejected (shown above; keep them all with --rejects <file>); the others were imported',
    ]);
    expect(await readdir(user.configDir)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/rejects/)]),
    );

    const kept = await runImportFrom(user, input, '-', '--format', 'csv', '--rejects', 'bad.ndjson');
    expect(lines(kept.stderr).at(-1)).toBe(
      'todo: 2 rows rejected (written to bad.ndjson); the others were imported',
    );
    expect(await rejectsIn(user, 'bad.ndjson')).toMatchObject([{ line: 3 }, { line: 4 }]);
    expect((await readdir(user.configDir)).filter((name) => name.includes('rejects'))).toEqual([]);
  });
});

describe('todo import: the gateway crashes halfway', () => {
  const ROWS = 3000;
  let dataDir: string | undefined;

  afterEach(async () => {
    await stopTodoRuns();
    await stopGatewayProcesses();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  /** The rows of the file: titles unique, so each todo can be told from the others. */
  const titleOf = (row: number) => `Imported todo ${String(row).padStart(4, '0')}`;
  const bigCsv = () =>
    [
      'title,notes,priority,tags',
      ...Array.from(
        { length: ROWS },
        (_, index) =>
          `${titleOf(index + 1)},"row ${index + 1}, of ${ROWS}",${['low', 'normal', 'high'][index % 3]},bulk`,
      ),
    ].join('\n');

  it('fails with exit 7 and a hint, then --resume after a restart ends with every row exactly once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'todo-import-gateway-'));
    const gateway: GatewayProcess = await startGatewayProcess({ dataDir });
    // A gateway process checks real tokens; its key stays in the data folder, so the token
    // still holds after the restart.
    const { accessToken } = await signInLocally(gateway.url, 'importer@example.com');
    const user = await newTodoUser(gateway.url, { token: accessToken });
    await putFile(user, 'big.csv', bigCsv());

    const cut = startTodo(['import', 'big.csv', '--progress', 'json'], user.env, { cwd: user.configDir });
    await cut.waitForStderrLine(
      (line) => line.startsWith('{') && (JSON.parse(line) as ImportProgress).created >= 300,
    );
    await gateway.crash();
    const failed = await cut.finished;
    expect(failed.code, failed.stderr).toBe(7);
    expect(failed.stderr).toContain(
      'The import stopped; nothing is lost. Continue it with: todo import big.csv --resume\n',
    );
    expect(lines(failed.stderr).at(-1)).toMatch(/^todo: cannot reach the API at /);

    await startGatewayProcess({ dataDir, port: gateway.port });
    const before = (await everyTodo(user)).length;
    // Halfway: some rows went in before the crash, not all.
    expect(before).toBeGreaterThanOrEqual(300);
    expect(before).toBeLessThan(ROWS);

    const resumed = await runImport(user, 'big.csv', '--resume', '--json');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toBe('');
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      created: ROWS - before,
      existing: before,
      rejected: 0,
    });
    const titles = await titlesOf(user);
    expect(titles).toHaveLength(ROWS);
    expect(new Set(titles).size).toBe(ROWS);
    expect(titles).toEqual(Array.from({ length: ROWS }, (_, index) => titleOf(index + 1)));
  }, 90_000);
});
