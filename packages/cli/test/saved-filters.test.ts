import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo filters` and `todo list --saved`, the built binary against the local API's
// `/v1/filters`: saved filters are named queries in the filter language, refused with where when
// they do not parse, named by a name, a prefix of one or an id; and the README's session, run
// as written.

const api = useLocalApi();
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** A command line of the README, split as a shell splits it (single quotes only, as the README writes them). */
function shellSplit(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

describe.concurrent('todo filters', () => {
  it('saves, shows, changes and deletes saved filters, and todo list --saved lists one', async () => {
    const user = await newTodoUser(api.stack.url);
    await user.api.todos.create({ title: 'Write the report', tags: ['work'], priority: 'high' });
    await user.api.todos.create({ title: 'Buy stamps', priority: 'high' });
    await user.api.todos.create({ title: 'File expenses', tags: ['work'] });

    const added = await user.run(['filters', 'add', 'Urgent work', 'p1 & #work']);
    expect(added).toMatchObject({ code: 0, stdout: '' });
    expect(added.stderr).toBe(
      `Saved filter "Urgent work": p1 & #work; "todo list --saved 'Urgent work'" lists it\n`,
    );
    const listed = await user.run(['list', '--saved', 'urg']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^# {2}ID +DUE +TITLE +TAGS\n1 +\S+ +!! +Write the report +#work\n$/);
    // With --filter too, both hold.
    const both = await user.run(['list', '--saved', 'urgent work', '--filter', 'search: stamps', '--json']);
    expect(JSON.parse(both.stdout)).toEqual([]);

    const edited = await user.run(['filters', 'edit', 'urgent', '--name', 'Work', '--filter', '#work']);
    expect(edited).toMatchObject({ code: 0, stderr: 'Changed saved filter "Work": #work\n' });
    const json = await user.run(['filters', '--json']);
    expect(
      (JSON.parse(json.stdout) as { name: string; query: string }[]).map(({ name, query }) => [name, query]),
    ).toEqual([['Work', '#work']]);
    const work = await user.run(['list', '-S', 'work', '--json']);
    expect((JSON.parse(work.stdout) as { title: string }[]).map((todo) => todo.title)).toEqual([
      'Write the report',
      'File expenses',
    ]);

    expect(await user.run(['filters', 'rm', 'work'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Deleted saved filter "Work"; no todo was changed\n',
    });
    expect((await user.run(['filters'])).stderr).toBe(
      "No saved filters. Save one with: todo filters add <name> '<filter>'\n",
    );
    expect((await user.api.todos.list()).items).toHaveLength(3);
  });

  it('refuses what it cannot read or find, each with its exit code, and saves nothing', async () => {
    const user = await newTodoUser(api.stack.url);
    expectErrorLine(
      await user.run(['filters', 'add', 'Broken', '(today | p1']),
      2,
      'the filter "(today | p1": ")" expected to close the "(" (at character 12)',
    );
    expect((await user.api.filters.list()).items).toEqual([]);
    await user.api.filters.create({ name: 'Work today', query: 'today & #work' });
    await user.api.filters.create({ name: 'Work later', query: '!today & #work' });
    expectErrorLine(
      await user.run(['list', '--saved', 'work']),
      2,
      '"work" fits 2 saved filters: "Work today", "Work later"; type more of the name, or the id',
    );
    expectErrorLine(
      await user.run(['list', '--saved', 'home']),
      3,
      'no saved filter named "home": "todo filters" shows them, "todo filters add <name> <filter>" saves one',
    );
    // With --filter, the two together must still fit a listing's filter; the message names both.
    const long = Array.from({ length: 61 }, () => '#work').join(' | ');
    await user.api.filters.create({ name: 'Long one', query: long });
    expectErrorLine(
      await user.run(['list', '--saved', 'long one', '--filter', 'today | overdue']),
      2,
      `the saved filter "Long one" (${long.length} characters) and --filter (15) make a filter of ${long.length + 22} characters, more than the 500 a listing takes: shorten --filter, or save the whole filter`,
    );
    expectErrorLine(
      await user.run(['filters', 'edit', 'work today']),
      2,
      'say what changes: --name <name>, --filter <filter>, or both',
    );
    expectErrorLine(
      await user.run(['filters', 'edit', 'work today', '--filter', 'today &']),
      2,
      '--filter "today &": a filter word, "!" or "(" expected after "&" (at character 8)',
    );
  });

  it("gives the output the README's session shows, command after command", async () => {
    const user = await newTodoUser(api.stack.url);
    const readme = await readFile(join(packageRoot, 'README.md'), 'utf8');
    const block = /- `todo filters`:[\s\S]*?```console\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!block) throw new Error('the README has no console block under "todo filters"');
    const steps = block
      .replace(/^ {2}/gm, '')
      .split(/^\$ /m)
      .filter(Boolean)
      .map((step) => {
        const [command = '', ...shown] = step.split('\n');
        return { command, shown: shown.join('\n') };
      });
    expect(steps).toHaveLength(3);
    for (const { command, shown } of steps) {
      const [todo, ...args] = shellSplit(command);
      expect(todo).toBe('todo');
      const run = await user.run(args);
      expect(`${run.stdout}${run.stderr}`, command).toBe(shown);
    }
  });
});
