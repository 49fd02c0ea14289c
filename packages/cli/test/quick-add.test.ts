import { readFileSync } from 'node:fs';
import type { Todo, TodoCreate } from '@todolist/sdk';
import type { QuickAddParse } from '@todolist/sdk/quick-add';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedParse, phraseTable } from '../../sdk/test/support/phrase-table.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo add`'s words read as quick add, the built binary against the local API: the SDK's
// phrase table (packages/sdk/src/quick-add/phrases.json) through `todo add --dry-run --json`,
// at the table's moment and in its zone, and what a person sees when the words make a todo.

const table = phraseTable;

/** Runs `todo` as if it were the table's moment (test/support/shifted-clock.mjs). */
const AT_TABLE_NOW = {
  NODE_OPTIONS: `--import=${new URL('./support/shifted-clock.mjs', import.meta.url).href}`,
  TODO_TEST_NOW: table.now,
};

const api = useLocalApi();

/** Runs `each` over `items`, `width` at a time: 175 runs of the binary, without 175 at once. */
async function inPool<Item>(items: readonly Item[], width: number, each: (item: Item) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await each(item);
    }),
  );
}

describe('the quick-add phrase table, through todo add --dry-run --json', () => {
  let user: TodoUser;
  /** The table's lists, by name: the person's own, and "work" shared with them by a colleague. */
  const listIds = new Map<string, string>();

  beforeAll(async () => {
    const colleague = await newTodoUser(api.stack.url);
    user = await newTodoUser(api.stack.url);
    for (const name of ['Groceries', 'Big shop', 'home'])
      listIds.set(name.toLowerCase(), (await user.api.lists.create({ name })).id);
    const work = await colleague.api.lists.create({ name: 'work' });
    await colleague.api.lists.members.add(work.id, user.email ?? '');
    listIds.set('work', work.id);
    expect((await user.run(['config', 'set', 'timeZone', table.timeZone])).code).toBe(0);
  });

  it('reads each phrase as the SDK and the API do, and adds nothing', { timeout: 300_000 }, async () => {
    expect(table.phrases.length).toBeGreaterThanOrEqual(150);
    const misread: string[] = [];
    await inPool(table.phrases, 4, async (phrase) => {
      const run = await user.run(['add', '--dry-run', '--json', phrase.text], { env: AT_TABLE_NOW });
      if (run.code !== 0) {
        misread.push(`${phrase.text}: exit ${run.code}, ${run.stderr.trim()}`);
        return;
      }
      const { parse, create } = JSON.parse(run.stdout) as {
        parse: QuickAddParse & { unknownList?: string };
        create: TodoCreate;
      };
      const { taken: _taken, ...fields } = parse;
      const expected = {
        parse: expectedParse(phrase),
        create: {
          title: phrase.title,
          ...(phrase.due ? { dueDate: phrase.due } : {}),
          ...(phrase.due && phrase.dueTime ? { dueTime: phrase.dueTime } : {}),
          ...(phrase.rrule
            ? {
                recurrence: {
                  rrule: phrase.rrule,
                  fromCompletion: phrase.fromCompletion ?? false,
                  timeZone: table.timeZone,
                },
              }
            : {}),
          ...(phrase.priority ? { priority: phrase.priority } : {}),
          ...(phrase.tags ? { tags: phrase.tags } : {}),
          ...(phrase.notes ? { notes: phrase.notes } : {}),
          ...(phrase.list ? { listId: listIds.get(phrase.list.toLowerCase()) } : {}),
        },
      };
      try {
        expect({ parse: fields, create }).toEqual(expected);
      } catch (error) {
        misread.push(`${phrase.text}: ${(error as Error).message.split('\n')[0]}`);
      }
    });
    expect(misread).toEqual([]);
    expect(await user.api.todos.list({ status: 'all' })).toMatchObject({ items: [] });
  });
});

describe.concurrent('todo add, its words read as quick add', () => {
  const newUser = () => newTodoUser(api.stack.url);
  const added = (run: { stdout: string }) => JSON.parse(run.stdout) as Todo;

  it('makes the todo the words say, in the list @ names, and says so on stderr', async () => {
    const user = await newUser();
    const flat = await user.api.lists.create({ name: 'Flat' });
    const run = await user.run(['add', 'Pay rent dec 24 p1 #home @flat // by transfer'], {
      env: AT_TABLE_NOW,
    });
    const [todo] = (await user.api.todos.list({ status: 'all', listId: flat.id })).items;
    expect(todo).toMatchObject({
      title: 'Pay rent',
      dueDate: '2026-12-24',
      priority: 'high',
      tags: ['home'],
      notes: 'by transfer',
      listId: flat.id,
    });
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: `Added Pay rent (due 2026-12-24) ${todo?.id} in "Flat"\n`,
    });
  });

  it('lets the flags win over the words, and adds the tags of both', async () => {
    const user = await newUser();
    const run = await user.run([
      'add',
      'Milk tomorrow p3 #dairy',
      '-p',
      'high',
      '--due',
      '2099-12-31',
      '-t',
      'shop',
      '--json',
    ]);
    expect(added(run)).toMatchObject({
      title: 'Milk',
      priority: 'high',
      dueDate: '2099-12-31',
      tags: ['dairy', 'shop'],
    });
  });

  it('takes the words as typed with --literal', async () => {
    const user = await newUser();
    const run = await user.run(['add', '--literal', 'Read chapter 4 tomorrow #maybe @home', '--json']);
    expect(added(run)).toMatchObject({
      title: 'Read chapter 4 tomorrow #maybe @home',
      dueDate: null,
      tags: [],
    });
  });

  it('keeps an @name that fits no list in the title, and adds to the Inbox', async () => {
    const user = await newUser();
    const run = await user.run(['add', 'Call Ana @nowhere #phone', '--json']);
    expect(added(run)).toMatchObject({ title: 'Call Ana @nowhere', tags: ['phone'], listId: 'inbox' });
  });

  it('keeps the time and the repeat: todo done moves it to its next day, --forever ends the series', async () => {
    const user = await newUser();
    await user.run(['config', 'set', 'timeZone', table.timeZone]);
    const run = await user.run(['add', 'Standup tomorrow 9am every weekday', '--json'], {
      env: AT_TABLE_NOW,
    });
    const standup = added(run);
    expect(standup).toMatchObject({
      title: 'Standup',
      dueDate: '2026-12-03',
      dueTime: '09:00',
      recurrence: {
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        fromCompletion: false,
        timeZone: table.timeZone,
      },
    });
    expect(run.stderr).toBe('');
    const done = await user.run(['done', standup.id], { env: AT_TABLE_NOW });
    expect(done).toEqual({
      code: 0,
      stdout: '',
      stderr: `Done Standup ${standup.id} next due 2026-12-04 09:00\n`,
    });
    expect(await user.api.todos.get(standup.id)).toMatchObject({ completed: false, dueDate: '2026-12-04' });
    const shown = await user.run(['show', standup.id], { env: AT_TABLE_NOW });
    expect(shown.stdout).toContain(`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR (${table.timeZone})`);
    expect(shown.stdout).toMatch(/done on +2026-12-03\n/);
    const forever = await user.run(['done', standup.id, '--forever', '--json'], { env: AT_TABLE_NOW });
    expect(JSON.parse(forever.stdout)).toMatchObject([
      { completed: true, recurrence: null, dueDate: '2026-12-04' },
    ]);
  });

  it('sets a time with --time, which needs a day, and edits or clears it', async () => {
    const user = await newUser();
    const timed = added(
      await user.run(['add', 'Call the bank', '--due', '2099-01-05', '--time', '9:30', '--json']),
    );
    expect(timed).toMatchObject({ dueDate: '2099-01-05', dueTime: '09:30' });
    const moved = await user.run(['edit', timed.id, '--time', '17:00', '--json']);
    expect(JSON.parse(moved.stdout)).toMatchObject({ dueDate: '2099-01-05', dueTime: '17:00' });
    const shown = await user.run(['show', timed.id]);
    expect(shown.stdout).toContain('2099-01-05 17:00');
    const cleared = await user.run(['edit', timed.id, '--due', 'none', '--json']);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ dueDate: null, dueTime: null });
    const noDay = await user.run(['add', 'Whenever', '--time', '10:00']);
    expect(noDay).toMatchObject({ code: 2, stdout: '' });
    expect(noDay.stderr).toContain('--time needs a due day');
    const badTime = await user.run(['edit', timed.id, '--due', 'tomorrow', '--time', '25:00']);
    expect(badTime).toMatchObject({ code: 2 });
    expect(badTime.stderr).toContain('"25:00" is not a time of day');
  });

  it('reads "today" in the profile\'s time zone, not the system\'s', async () => {
    const user = await newUser();
    // 23:30 on Dec 2 in UTC is already Dec 3 in Tokyo.
    const late = {
      NODE_OPTIONS: AT_TABLE_NOW.NODE_OPTIONS,
      TODO_TEST_NOW: '2026-12-02T23:30:00Z',
      TZ: 'UTC',
    };
    expect((await user.run(['config', 'get', 'timeZone'], { env: late })).stdout).toBe('UTC\n');
    expect((await user.run(['config', 'set', 'timeZone', 'Asia/Tokyo'])).code).toBe(0);
    const run = await user.run(['add', 'Sushi today', '--dry-run', '--json'], { env: late });
    expect((JSON.parse(run.stdout) as { create: TodoCreate }).create).toEqual({
      title: 'Sushi',
      dueDate: '2026-12-03',
    });
  });

  it('prints what it would add with --dry-run, and adds nothing', async () => {
    const user = await newUser();
    const run = await user.run(['add', '--dry-run', 'Dentist friday p1'], { env: AT_TABLE_NOW });
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Would add Dentist (due 2026-12-04) in "Inbox"; nothing added (dry run).\n',
    });
    expect((await user.api.todos.list({ status: 'all' })).items).toEqual([]);
  });
});

describe("the README's quick-add session", () => {
  /** The session's commands (one "quoted" argument at most each), each with the output shown after it. */
  async function session(): Promise<{ args: string[]; shown: string }[]> {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /## Typing it as you say it[\s\S]*?```console\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!block) throw new Error('the README has no "Typing it as you say it" console block');
    return block
      .split(/^\$ /m)
      .filter(Boolean)
      .map((step) => {
        const [command = '', ...shown] = step.split('\n');
        const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
        expect(args.shift()).toBe('todo');
        return { args, shown: shown.join('\n') };
      });
  }
  /** What differs from run to run: ids, and the short ids in a table's ID column. */
  const withoutIds = (text: string) =>
    text.replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>').replace(/^(\d+ +)[a-z]{4}\b/gm, '$1<sid>');

  it('gives the output the README shows, at the moment it was written', async () => {
    const user = await newTodoUser(api.stack.url);
    const steps = await session();
    expect(steps.length).toBeGreaterThan(4);
    for (const { args, shown } of steps) {
      const run = await user.run(args, { env: AT_TABLE_NOW });
      if (process.env.SHOW_README_RUN) console.log(`$ todo ${args.join(' ')}\n${run.stdout}${run.stderr}`);
      else expect(withoutIds(`${run.stdout}${run.stderr}`), args.join(' ')).toBe(withoutIds(shown));
    }
  });
});
