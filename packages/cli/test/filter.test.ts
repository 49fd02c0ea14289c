import { describe, expect, it } from 'vitest';
import { expectErrorLine } from './support/error-line.js';
import { newTodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo list --filter`, the built binary against the local API (its `filter=`): the filter
// language, its days in the profile's zone, and a filter that does not parse refused before
// any request.

const api = useLocalApi();

/** YYYY-MM-DD, `days` from today on this machine's clock in `timeZone`. */
function dayFromToday(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + days * 86_400_000);
}

describe.concurrent('todo list --filter', () => {
  it('lists the todos passing the filter, numbered for todo done, and says when none do', async () => {
    const user = await newTodoUser(api.stack.url);
    const zone = 'Pacific/Auckland';
    await user.run(['config', 'set', 'timeZone', zone]);
    await user.api.todos.create({ title: 'Late report', dueDate: dayFromToday(-2, zone), tags: ['work'] });
    await user.api.todos.create({ title: 'Standup', dueDate: dayFromToday(0, zone), tags: ['work'] });
    await user.api.todos.create({ title: 'Dentist', dueDate: dayFromToday(0, zone), priority: 'low' });
    await user.api.todos.create({ title: 'Gym', dueDate: dayFromToday(3, zone), tags: ['work'] });
    await user.api.todos.create({ title: 'Read', tags: ['home'] });

    const found = await user.run(['list', '--filter', '(today | overdue) & #work']);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(
      /^# {2}ID +DUE +TITLE +TAGS\n1 +\S+ +.+? +Late report +#work\n2 +\S+ +today +Standup +#work\n$/,
    );
    expect((await user.run(['done', '2'])).stderr).toMatch(/^Done Standup /);

    const json = await user.run(['list', '-f', '!no date & !p3', '--json']);
    expect((JSON.parse(json.stdout) as { title: string }[]).map((todo) => todo.title)).toEqual([
      'Late report',
      'Gym',
    ]);
    expect(await user.run(['list', '--filter', 'search: zebra'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No open todos passing "search: zebra".\n',
    });
  });

  it('refuses a filter that does not parse with where it went wrong, exit 2', async () => {
    const user = await newTodoUser(api.stack.url);
    expectErrorLine(
      await user.run(['list', '--filter', '(today | p1']),
      2,
      '--filter "(today | p1": ")" expected to close the "(" (at character 12)',
    );
    expectErrorLine(await user.run(['list', '--filter', 'tomorow']), 2, 'unknown filter "tomorow"');
    // An empty one (an unset shell variable) is refused as the API refuses it, not a full listing.
    await user.api.todos.create({ title: 'Unfiltered' });
    expectErrorLine(
      await user.run(['list', '--filter', '']),
      2,
      '--filter "": a filter word, "!" or "(" expected (at character 1)',
    );
  });
});
