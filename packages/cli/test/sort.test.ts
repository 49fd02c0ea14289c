import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo list --sort`, the built binary against the local API (its `sort=`): overdue and today
// first by default, a list's own order with --list, and the orders asked for.

const api = useLocalApi();

/** YYYY-MM-DD, `days` from today on this machine's clock in `timeZone`. */
function dayFromToday(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + days * 86_400_000);
}

const titles = (stdout: string) => (JSON.parse(stdout) as { title: string }[]).map((todo) => todo.title);

describe.concurrent('todo list --sort', () => {
  it('puts overdue and today first by default, numbered so, and sorts by priority or creation when asked', async () => {
    const user = await newTodoUser(api.stack.url);
    const zone = 'America/New_York';
    await user.run(['config', 'set', 'timeZone', zone]);
    await user.api.todos.create({ title: 'Someday', priority: 'high' });
    await user.api.todos.create({ title: 'Next week', dueDate: dayFromToday(6, zone) });
    await user.api.todos.create({ title: 'Today', dueDate: dayFromToday(0, zone), priority: 'low' });
    await user.api.todos.create({ title: 'Late', dueDate: dayFromToday(-3, zone) });
    await user.api.todos.create({ title: 'Today 9am', dueDate: dayFromToday(0, zone), dueTime: '09:00' });

    const shown = await user.run(['list']);
    expect(shown.code).toBe(0);
    const rows = shown.stdout.split('\n').slice(1, -1);
    const expected = ['Late', 'Today 9am', 'Today', 'Next week', 'Someday'];
    expect(rows).toHaveLength(expected.length);
    for (const [at, title] of expected.entries())
      expect(rows[at]).toMatch(new RegExp(`^${at + 1} .* ${title}\\s*$`));
    expect((await user.run(['done', '1'])).stderr).toMatch(/^Done Late /);

    expect(titles((await user.run(['list', '--sort', 'priority', '--json'])).stdout)).toEqual([
      'Someday',
      'Today 9am',
      'Next week',
      'Today',
    ]);
    expect(titles((await user.run(['list', '-s', 'created', '--json'])).stdout)).toEqual([
      'Someday',
      'Next week',
      'Today',
      'Today 9am',
    ]);
    expect(titles((await user.run(['list', '--list', 'inbox', '--sort', 'due', '--json'])).stdout)).toEqual([
      'Today 9am',
      'Today',
      'Next week',
      'Someday',
    ]);
  });

  it('refuses an unknown order, and manual order without a list, with exit 2', async () => {
    const user = await newTodoUser(api.stack.url);
    expectErrorLine(
      await user.run(['list', '--sort', 'alphabetical']),
      2,
      '--sort must be one of due, priority, created, manual (got "alphabetical")',
    );
    expectErrorLine(
      await user.run(['list', '--sort', 'manual']),
      2,
      "--sort manual is one list's own order: give --list too",
    );
  });
});
