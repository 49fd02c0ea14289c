import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { startTodo } from './support/running-todo.js';
import { newTodoUser, type TodoRun, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo import --from <app>` as a person runs it: the built binary against the real API, on
// files written as each app's documentation describes them (test/fixtures/), in Paris time.

const api = useLocalApi();

const PARIS = 'Europe/Paris';

/** A new user whose profile reads days in Paris, with `text` in their home as `name`. */
async function userWith(name: string, text: string): Promise<TodoUser> {
  const user = await newTodoUser(api.stack.url);
  await writeFile(join(user.configDir, name), text);
  expect((await user.run(['config', 'set', 'timeZone', PARIS])).code).toBe(0);
  return user;
}

const fixture = (name: string) => readFile(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** A new user whose profile reads days in Paris, with the fixture `name` copied to their home as `as`. */
const userWithFile = async (name: string, as: string) => userWith(as, await fixture(name));

const importFrom = (user: TodoUser, app: string, file: string, ...args: string[]) =>
  user.run(['import', '--from', app, file, ...args], { cwd: user.configDir });

/** `… | todo import --from <app> -`: `input` on standard input. */
const importPiped = (user: TodoUser, app: string, input: string, ...args: string[]) =>
  startTodo(['import', '--from', app, '-', ...args], user.env, { cwd: user.configDir, input }).finished;

/** A new user who imports the fixture, copied to their home as `name`, from `app`. */
async function importFixture(app: string, fixture: string, name: string) {
  const user = await userWithFile(fixture, name);
  return { user, run: await importFrom(user, app, name) };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** The run ended with `code` and showed exactly these lines on stderr. */
function expectShown(run: TodoRun, code: number, shown: string[]): void {
  expect(run.code, run.stderr).toBe(code);
  expect(lines(run.stderr)).toEqual(shown);
}

async function rejectsOf(user: TodoUser, file: string) {
  const text = await readFile(join(user.configDir, `${file}.rejects.ndjson`), 'utf8');
  return lines(text).map((line) => JSON.parse(line) as { line: number; message: string; row: unknown });
}

/** Every todo of the user, each with the name of its list instead of its id. */
async function todosOf(user: TodoUser): Promise<(Todo & { list: string })[]> {
  const names = new Map<string, string>();
  for await (const list of user.api.lists.iterate({ archived: 'include' })) names.set(list.id, list.name);
  const todos: (Todo & { list: string })[] = [];
  for await (const todo of user.api.todos.iterate({ status: 'all' }))
    todos.push({ ...todo, list: names.get(todo.listId) ?? todo.listId });
  return todos;
}

/**
 * Imports `file` again, as it was, twice (for people, then `--json`): every todo the first run
 * made is found and left as it was, none is added, and the same lines are rejected again.
 */
async function expectReRunsAddNothing(
  user: TodoUser,
  app: string,
  file: string,
  expected: { summary: string; rejectedLines: number[] },
) {
  const before = await todosOf(user);
  const again = await importFrom(user, app, file);
  expect(again.code, again.stderr).toBe(expected.rejectedLines.length > 0 ? 1 : 0);
  // The day and time of the first run differ every run.
  const shown = lines(again.stderr).map((line) => line.replace(/ \(\d{4}-\d\d-\d\dT[\d:.]+Z\)/, ' (<time>)'));
  expect(shown[0]).toBe(`"${file}" was imported before (<time>); rows already in are left as they are.`);
  expect(shown).toContain(expected.summary);
  const json = await importFrom(user, app, file, '--json');
  expect(JSON.parse(json.stdout)).toMatchObject({
    created: 0,
    existing: before.length,
    rejected: expected.rejectedLines.length,
    rejectedLines: expected.rejectedLines,
  });
  expect(await todosOf(user)).toEqual(before);
}

/** The user's todos by title: todos of several lists do not come in file order. */
const byTitle = async (user: TodoUser) =>
  Object.fromEntries((await todosOf(user)).map((todo) => [todo.title, todo]));

const sortedTitles = async (user: TodoUser) => (await todosOf(user)).map((todo) => todo.title).sort();

/** Today in Paris, or `days` after it: `YYYY-MM-DD`. */
function parisDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe.concurrent('todo import --from', () => {
  it('todoist: tasks with their notes, sections as tags, sub-tasks under their parent, DATE read as quick add reads it', async () => {
    const { user, run } = await importFixture('todoist', 'todoist.csv', 'Groceries.csv');
    expectShown(run, 1, [
      'line 9: DATE "le lundi" is in DATE_LANG fr, which only English dates are read in: kept in the notes',
      'line 11: DATE "someday maybe" is not a date quick add reads whole: kept in the notes',
      'Imported 6 todos from Groceries.csv (todoist): 6 new; 1 row rejected (line 10).',
      'todo: 1 row rejected (written to Groceries.csv.rejects.ndjson); the others were imported',
    ]);
    expect(await todosOf(user)).toMatchObject([
      {
        title: 'Buy milk',
        notes: 'Oat milk if they have it\nThe shop on the corner closes at 7, not 8',
        priority: 'high',
        tags: ['errand', 'groceries'],
        dueDate: parisDay(1),
        list: 'Inbox',
      },
      { title: 'Buy coffee beans', notes: 'Sub-task of: Buy milk', priority: 'normal', tags: ['groceries'] },
      {
        title: 'Water the plants',
        priority: 'high',
        tags: ['home', 'home-chores'],
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO', fromCompletion: false, timeZone: PARIS },
      },
      {
        title: 'Pay rent',
        notes: 'Responsible: Ana (14781401)\nDeadline: 2099-12-31',
        priority: 'normal',
        dueDate: '2099-12-24',
      },
      { title: 'Fix the shelf', notes: 'Todoist date: le lundi', dueDate: null },
      { title: 'Read a book', notes: 'Todoist date: someday maybe', priority: 'high', dueDate: null },
    ]);
    expect(await rejectsOf(user, 'Groceries.csv')).toMatchObject([
      { line: 10, message: expect.stringContaining('title'), row: { TYPE: 'task', CONTENT: '' } },
    ]);
    await expectReRunsAddNothing(user, 'todoist', 'Groceries.csv', {
      summary:
        'Imported 6 todos from Groceries.csv (todoist): 0 new, 6 already there; 1 row rejected (line 10).',
      rejectedLines: [10],
    });
  });

  it('todoist: a row read as another day later ("tomorrow", another zone) is found again, not added twice', async () => {
    const user = await newTodoUser(api.stack.url);
    const file = join(user.configDir, 'Week.csv');
    const header = 'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\n';
    await writeFile(file, `${header}task,Buy milk,,4,1,,,tomorrow,en,\n`);
    // UTC+14, then UTC−11: the same "tomorrow" is another day in each.
    await user.run(['config', 'set', 'timeZone', 'Pacific/Kiritimati']);
    expect((await importFrom(user, 'todoist', 'Week.csv')).code).toBe(0);
    const [first] = await todosOf(user);
    // The file changed since (a row added), so the rows are found by what they are, not by the journal.
    await writeFile(file, `${header}task,Buy milk,,4,1,,,tomorrow,en,\ntask,Buy bread,,4,1,,,,en,\n`);
    await user.run(['config', 'set', 'timeZone', 'Pacific/Pago_Pago']);
    const again = await importFrom(user, 'todoist', 'Week.csv', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 1, existing: 1 });
    const titles = (await todosOf(user)).map((todo) => [todo.title, todo.dueDate]);
    expect(titles).toEqual([
      ['Buy milk', first?.dueDate],
      ['Buy bread', null],
    ]);
  });

  it('todoist: a CSV without TYPE and CONTENT is refused whole (exit 2); a note with no task above is rejected by line; a section no tag can be is kept in the notes', async () => {
    const other = await newTodoUser(api.stack.url);
    await writeFile(join(other.configDir, 'tasks.csv'), 'title,due\nBuy milk,tomorrow\n');
    const refused = await importFrom(other, 'todoist', 'tasks.csv');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tasks.csv is no Todoist CSV: it needs the columns TYPE and CONTENT');
    await writeFile(
      join(other.configDir, 'notes.csv'),
      'TYPE,CONTENT,PRIORITY\nnote,an orphan note,\ntask,Call Ana,4\nmeeting,Standup,4\nsection,🛒,\ntask,Buy stamps,4\n',
    );
    const run = await importFrom(other, 'todoist', 'notes.csv');
    expect(run.code).toBe(1);
    expect(lines(run.stderr).slice(0, 2)).toEqual([
      'line 6: section "🛒" cannot be a tag: kept in the notes',
      'Imported 2 todos from notes.csv (todoist): 2 new; 2 rows rejected (lines 2, 4).',
    ]);
    expect((await todosOf(other)).at(-1)).toMatchObject({
      title: 'Buy stamps',
      tags: [],
      notes: 'Section: 🛒',
    });
    expect(await rejectsOf(other, 'notes.csv')).toMatchObject([
      { line: 2, message: 'a note row needs a task row above it', row: { CONTENT: 'an orphan note' } },
      { line: 4, message: 'TYPE must be task, section or note (got "meeting")' },
    ]);
  });

  it('taskwarrior: a task export array, projects as lists, UTC dues in the profile zone, recur as RRULEs, deleted tasks skipped', async () => {
    const { user, run } = await importFixture('taskwarrior', 'taskwarrior-export.txt', 'tasks.json');
    // As `task export` writes it: `[` alone on line 1, so the n-th task is on line n + 1.
    expectShown(run, 1, [
      'line 8: recur "hourly" is no repeat todo knows: kept in the notes',
      'line 8: tags ops/infra are no todo tags: kept in the notes',
      'Imported 5 todos from tasks.json (taskwarrior): 5 new; made list "Home"; skipped 1 recurring template, 1 deleted; 1 row rejected (line 9).',
      'todo: 1 row rejected (written to tasks.json.rejects.ndjson); the others were imported',
    ]);
    expect(await byTitle(user)).toMatchObject({
      'Buy milk': {
        priority: 'high',
        list: 'Home',
        tags: ['errand', 'shop'],
        dueDate: '2099-12-24',
        dueTime: '13:00',
        completed: false,
      },
      'Water the plants': {
        dueDate: '2099-12-24',
        dueTime: null,
        recurrence: { rrule: 'FREQ=WEEKLY', timeZone: PARIS },
        list: 'Inbox',
      },
      'Call the bank': {
        priority: 'low',
        completed: true,
        notes: '2026-12-02: asked about the new card\ncompleted 2026-12-02',
      },
      'Check the boiler': {
        list: 'Home',
        completed: false,
        dueDate: '2099-12-30',
        dueTime: '09:00',
        recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2' },
      },
      'Rotate the logs': { tags: ['ops'], recurrence: null, notes: 'recur: hourly\ntags: ops/infra' },
    });
    expect(await rejectsOf(user, 'tasks.json')).toMatchObject([
      {
        line: 9,
        message: expect.stringContaining('title'),
        row: { uuid: 'a7b8c9d0-4e5f-4a6b-8c7d-8e9fa0b1c2d3' },
      },
    ]);
  });

  it('taskwarrior: a pretty-printed export reports a rejected task, and what a task lost, at the line its object starts on', async () => {
    const tasks = JSON.parse(await fixture('taskwarrior-export.txt')) as object[];
    const text = JSON.stringify(tasks, null, 2);
    // Each task's object opens on a line of its own, `  {`.
    const starts = lines(text).flatMap((line, index) => (line === '  {' ? [index + 1] : []));
    expect(starts).toHaveLength(tasks.length);
    const [rotate, unnamed] = [starts[6], starts[7]];
    const user = await userWith('tasks.json', text);
    const run = await importFrom(user, 'taskwarrior', 'tasks.json', '--json');
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      rejectedLines: [unnamed],
      notices: [
        { line: rotate, message: expect.stringContaining('recur "hourly"') },
        { line: rotate, message: expect.stringContaining('ops/infra') },
      ],
    });
    expect(await rejectsOf(user, 'tasks.json')).toMatchObject([
      { line: unnamed, row: { uuid: 'a7b8c9d0-4e5f-4a6b-8c7d-8e9fa0b1c2d3' } },
    ]);
  });

  it('taskwarrior: one task a line (json.array=off) finds the tasks an earlier export sent by their uuid: a later export adds only the new ones', async () => {
    const { user, run: first } = await importFixture('taskwarrior', 'taskwarrior-export.txt', 'tasks.json');
    expect(first.code).toBe(1);
    const tasks = JSON.parse(await fixture('taskwarrior-export.txt')) as object[];
    const later = [
      ...tasks.slice(0, 7),
      {
        description: 'Buy bread',
        entry: '20261203T080000Z',
        status: 'pending',
        uuid: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
      },
    ];
    await writeFile(
      join(user.configDir, 'later.ndjson'),
      later.map((task) => JSON.stringify(task)).join('\n'),
    );
    const run = await importFrom(user, 'taskwarrior', 'later.ndjson', '--json', '--progress', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(lines(run.stderr).map((line) => JSON.parse(line) as object)).toContainEqual(
      expect.objectContaining({ read: 6, created: 1, existing: 5 }),
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      created: 1,
      existing: 5,
      rejected: 0,
      skipped: { deleted: 1, 'recurring template': 1 },
      notices: [
        { line: 7, message: 'recur "hourly" is no repeat todo knows: kept in the notes' },
        { line: 7, message: 'tags ops/infra are no todo tags: kept in the notes' },
      ],
    });
    expect(await sortedTitles(user)).toEqual([
      'Buy bread',
      'Buy milk',
      'Call the bank',
      'Check the boiler',
      'Rotate the logs',
      'Water the plants',
    ]);
  });

  it('taskwarrior: the copies of a repeating task missed for days are one repeating todo, the open copy due first; the others come in without the repeat, and stderr says so', async () => {
    // `task add Stretch due:2026-12-01T08:00 recur:daily`, done on the 1st, left since, exported on
    // the 4th: the template, a pending copy for each day since and one ahead, the done one.
    const template = '3f1c0a2e-8d4b-4e6f-9a7c-1b2d3e4f5a60';
    const copy = (imask: number, status: string, extra: object = {}) => ({
      id: status === 'pending' ? imask : 0,
      description: 'Stretch',
      due: `2026120${imask + 1}T070000Z`,
      entry: imask === 0 ? '20261201T063000Z' : '20261204T090000Z',
      imask,
      modified: '20261204T090000Z',
      parent: template,
      recur: 'daily',
      status,
      uuid: `3f1c0a2e-8d4b-4e6f-9a7c-1b2d3e4f5a6${imask + 1}`,
      urgency: 8,
      ...extra,
    });
    const tasks = [
      {
        id: 0,
        description: 'Stretch',
        due: '20261201T070000Z',
        entry: '20261130T200000Z',
        mask: '+----X',
        recur: 'daily',
        status: 'recurring',
        uuid: template,
      },
      copy(1, 'pending'),
      copy(2, 'pending'),
      copy(3, 'pending'),
      copy(4, 'pending'),
      {
        id: 5,
        description: 'Buy milk',
        entry: '20261202T080000Z',
        status: 'pending',
        uuid: '6b0e7f3a-2c1d-4e5f-8a9b-0c1d2e3f4a5b',
      },
      copy(0, 'completed', { end: '20261201T073000Z' }),
      copy(5, 'deleted', { end: '20261204T090000Z' }),
    ];
    const user = await userWith(
      'tasks.json',
      `[\n${tasks.map((task) => JSON.stringify(task)).join(',\n')}\n]\n`,
    );
    const run = await importFrom(user, 'taskwarrior', 'tasks.json');
    expectShown(run, 0, [
      'line 3: "Stretch" is 5 copies of one repeat (lines 3, 4, 5, 6, 8): the open one due first repeats, the 4 others come in without the repeat',
      'Imported 6 todos from tasks.json (taskwarrior): 6 new; skipped 1 recurring template, 1 deleted.',
    ]);
    const stretches = (await todosOf(user))
      .filter((todo) => todo.title === 'Stretch')
      .map((todo) => [todo.dueDate, todo.dueTime, todo.completed, todo.recurrence?.rrule ?? null])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(stretches).toEqual([
      ['2026-12-01', '08:00', true, null],
      ['2026-12-02', '08:00', false, 'FREQ=DAILY'],
      ['2026-12-03', '08:00', false, null],
      ['2026-12-04', '08:00', false, null],
      ['2026-12-05', '08:00', false, null],
    ]);
    await expectReRunsAddNothing(user, 'taskwarrior', 'tasks.json', {
      summary:
        'Imported 6 todos from tasks.json (taskwarrior): 0 new, 6 already there; skipped 1 recurring template, 1 deleted.',
      rejectedLines: [],
    });
  });

  it('taskwarrior: `task export | todo import --from taskwarrior -` reads the JSON array on standard input, at the lines of a file; one task a line still works', async () => {
    const text = await fixture('taskwarrior-export.txt');
    const user = await userWith('unused.txt', '');
    const run = await importPiped(user, 'taskwarrior', text, '--json');
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      created: 5,
      rejected: 1,
      rejectedLines: [9],
      skipped: { deleted: 1, 'recurring template': 1 },
      notices: [
        { line: 8, message: 'recur "hourly" is no repeat todo knows: kept in the notes' },
        { line: 8, message: 'tags ops/infra are no todo tags: kept in the notes' },
      ],
    });
    // One task a line after a blank line (the chunk read to tell is put back): the 7th task is on line 8.
    const tasks = (JSON.parse(text) as object[]).slice(0, 7);
    const later = [
      ...tasks,
      {
        description: 'Buy bread',
        entry: '20261203T080000Z',
        status: 'pending',
        uuid: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
      },
    ];
    const again = await importPiped(
      user,
      'taskwarrior',
      `\n${later.map((task) => JSON.stringify(task)).join('\n')}\n`,
      '--json',
    );
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      created: 1,
      existing: 5,
      rejected: 0,
      notices: [{ line: 8, message: expect.stringContaining('recur "hourly"') }, { line: 8 }],
    });
    expect(await sortedTitles(user)).toContain('Buy bread');
  });

  it('todotxt: priorities, +project lists, @context tags, due:, rec:, x with dates, and a re-run adds nothing', async () => {
    const user = await userWithFile('todo.txt', 'todo.txt');
    const dry = await importFrom(user, 'todotxt', 'todo.txt', '--dry-run');
    expect(lines(dry.stderr).at(-2)).toBe('Dry run: 11 rows would be imported, 2 rejected.');
    const run = await importFrom(user, 'todotxt', 'todo.txt');
    expectShown(run, 1, [
      'line 8: t:2099-12-07 is a key:value todo has no field for: kept in the notes',
      'line 10: rec:2b is no repeat todo reads (rec:1w, rec:+2m: d, w, m or y): kept in the notes',
      'line 11: only the first +project is its list: +Summer kept in the notes',
      'line 11: @with/friends cannot be a tag: kept in the notes',
      'line 11: url:example is a key:value todo has no field for: kept in the notes',
      'Imported 11 todos from todo.txt (todotxt): 11 new; made lists "GarageSale", "TodoTxtTouch", "Home Finances", "Travel"; 2 rows rejected (lines 12, 14).',
      'todo: 2 rows rejected (written to todo.txt.rejects.ndjson); the others were imported',
    ]);
    expect(await byTitle(user)).toMatchObject({
      'Thank Mom for the meatballs': { priority: 'high', tags: ['phone'], list: 'Inbox' },
      'Schedule Goodwill pickup': { priority: 'normal', tags: ['phone'], list: 'GarageSale' },
      'Post signs around the neighborhood': { priority: 'normal', list: 'GarageSale' },
      'Eskimo pies': { tags: ['grocerystore'] },
      "Review Tim's pull request": {
        completed: true,
        notes: 'created 2011-03-01, completed 2011-03-03',
        list: 'TodoTxtTouch',
        tags: ['github'],
      },
      'Call the bank': { priority: 'high', dueDate: '2099-12-24', list: 'Home Finances' },
      'Water the plants': {
        priority: 'low',
        dueDate: '2099-12-07',
        recurrence: { rrule: 'FREQ=WEEKLY', fromCompletion: false, timeZone: PARIS },
      },
      'Take out the trash': {
        dueDate: '2099-12-08',
        recurrence: { rrule: 'FREQ=WEEKLY', fromCompletion: true },
        notes: 't:2099-12-07',
      },
      Stretch: { priority: 'low', recurrence: null, notes: 'rec:2b' },
      'Plan the trip': { list: 'Travel', tags: [], notes: '+Summer @with/friends url:example' },
      'Pay the phone bill': { completed: true, priority: 'high', notes: 'completed 2026-11-30' },
    });
    expect(await rejectsOf(user, 'todo.txt')).toMatchObject([
      { line: 12, message: expect.stringContaining('title'), row: '+OnlyAProject @only' },
      { line: 14, message: expect.stringContaining('dueDate'), row: 'Renew the passport due:2099-02-30' },
    ]);
    await expectReRunsAddNothing(user, 'todotxt', 'todo.txt', {
      summary:
        'Imported 11 todos from todo.txt (todotxt): 0 new, 11 already there; 2 rows rejected (lines 12, 14).',
      rejectedLines: [12, 14],
    });
  });

  it('todotxt: export --format todotxt writes back what the import reads, and importing it elsewhere makes the same todos', async () => {
    const { user } = await importFixture('todotxt', 'todo.txt', 'todo.txt');
    const exported = await user.run(['export', '--format', 'todotxt', '-o', 'out.txt'], {
      cwd: user.configDir,
    });
    expect(exported.code, exported.stderr).toBe(0);
    const text = await readFile(join(user.configDir, 'out.txt'), 'utf8');
    const today = parisDay();
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        `(A) ${today} Thank Mom for the meatballs @phone`,
        `${today} Schedule Goodwill pickup +GarageSale @phone`,
        `x ${today} ${today} Review Tim's pull request +TodoTxtTouch @github`,
        `(A) ${today} Call the bank +Home_Finances due:2099-12-24`,
        `(C) ${today} Water the plants @home due:2099-12-07 rec:+1w`,
        `${today} Take out the trash due:2099-12-08 rec:1w`,
        `x ${today} ${today} Pay the phone bill due:2026-11-30 pri:A`,
      ]),
    );

    const other = await userWith('todo.txt', text);
    const back = await importFrom(other, 'todotxt', 'todo.txt');
    expect(back.code, back.stderr).toBe(0);
    const fields = (todo: Todo & { list: string }) => ({
      title: todo.title,
      priority: todo.priority,
      list: todo.list,
      tags: todo.tags,
      dueDate: todo.dueDate,
      recurrence: todo.recurrence,
      completed: todo.completed,
    });
    const sorted = async (someone: TodoUser) =>
      (await todosOf(someone)).map(fields).sort((a, b) => a.title.localeCompare(b.title));
    expect(await sorted(other)).toEqual(await sorted(user));
  });

  it('todotxt: export names each todo whose title todo.txt would read as more than a title, and writes it still; importing it says what went to the notes', async () => {
    const user = await userWith('unused.txt', '');
    const odd = await user.api.todos.create({ title: 'Buy +2 batteries, ratio 16:9, ask @ana' });
    await user.api.todos.create({ title: 'Read https://example.com/a:b later' });
    const exported = await user.run(['export', '--format', 'todotxt']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(lines(exported.stderr)).toEqual([
      `${odd.id} "Buy +2 batteries, ratio 16:9, ask @ana": todo.txt reads +2 as a project, 16:9, as a key:value, @ana as a context; written as it is`,
    ]);
    expect(lines(exported.stdout)).toContain(`${parisDay()} Buy +2 batteries, ratio 16:9, ask @ana`);
    await writeFile(join(user.configDir, 'todo.txt'), exported.stdout);
    const back = await importFrom(user, 'todotxt', 'todo.txt', '--dry-run');
    expect(lines(back.stderr)).toContainEqual(
      expect.stringMatching(/^line [12]: 16:9, is a key:value todo has no field for: kept in the notes$/),
    );
  });

  it("gives the output the README's todo.txt example shows, command after command", async () => {
    const readme = await readFile(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = /### Importing from other apps([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const file = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    const session = /```console\n([\s\S]*?)```/.exec(section)?.[1];
    if (!file || !session)
      throw new Error('the README has no todo.txt example in "Importing from other apps"');
    const user = await userWith('todo.txt', file);
    // Days and times differ every run.
    const normalized = (text: string) =>
      text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>').replace(/\b(?!2099)\d{4}-\d\d-\d\d\b/g, '<day>');
    for (const step of session.split(/^\$ /m).filter(Boolean)) {
      const [command = '', ...shown] = step.split('\n');
      const args = command.split(' ').slice(1);
      const run = await user.run(args, { cwd: user.configDir });
      expect(normalized(run.stderr + run.stdout), command).toBe(normalized(shown.join('\n')));
    }
  });
});
