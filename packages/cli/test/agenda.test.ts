import type { Todo, TodoCreate } from '@todolist/sdk';
import { localDay } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo today` and `todo upcoming`, the built binary against the local API: open todos of every
// list by day, on the real clock (the days are counted from today in the runner's time zone,
// which the binary shares).

const api = useLocalApi();

/** A day `offset` days from today, as YYYY-MM-DD. */
function day(offset: number): string {
  const now = new Date();
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 12));
}

async function seed(user: TodoUser, ...todos: (TodoCreate & { done?: boolean })[]): Promise<Todo[]> {
  const made: Todo[] = [];
  for (const { done, ...input } of todos) {
    const todo = await user.api.todos.create(input);
    made.push(done ? await user.api.todos.complete(todo.id) : todo);
  }
  return made;
}

const titles = (run: { stdout: string }) => (JSON.parse(run.stdout) as Todo[]).map((todo) => todo.title);

describe.concurrent('todo today and todo upcoming', () => {
  it('today: what is overdue, then what is due today by time, timed first, from every list', async () => {
    const user = await newTodoUser(api.stack.url);
    const groceries = await user.api.lists.create({ name: 'Groceries' });
    await seed(
      user,
      { title: 'Some time today', dueDate: day(0) },
      { title: 'At nine', dueDate: day(0), dueTime: '09:00', listId: groceries.id },
      { title: 'At eight', dueDate: day(0), dueTime: '08:00' },
      { title: 'Late', dueDate: day(-2) },
      { title: 'Done today', dueDate: day(0), done: true },
      { title: 'Tomorrow', dueDate: day(1) },
      { title: 'No day' },
    );
    expect(titles(await user.run(['today', '--json']))).toEqual([
      'Late',
      'At eight',
      'At nine',
      'Some time today',
    ]);
    const shown = await user.run(['today']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Overdue \(1\)\n/);
    expect(shown.stdout).toContain('\n\nToday (3)\n');
    expect(shown.stdout).toMatch(/\n2 +\S+ +today 08:00 +At eight/);
    // The numbers are those of the rows shown.
    expect((await user.run(['done', '1'])).stderr).toMatch(/^Done Late /);
    expect(titles(await user.run(['today', '--json']))).toEqual(['At eight', 'At nine', 'Some time today']);
  });

  it('upcoming: the next 7 days from today, a heading per day with todos, nothing overdue or later', async () => {
    const user = await newTodoUser(api.stack.url);
    await seed(
      user,
      { title: 'In three days', dueDate: day(3) },
      { title: 'Tomorrow', dueDate: day(1), dueTime: '18:30' },
      { title: 'Today', dueDate: day(0) },
      { title: 'Late', dueDate: day(-1) },
      { title: 'Next week and a day', dueDate: day(8) },
    );
    expect(titles(await user.run(['upcoming', '--json']))).toEqual(['Today', 'Tomorrow', 'In three days']);
    const shown = await user.run(['upcoming']);
    expect(shown.stdout).toMatch(/^Today · \w{3}, \w{3} \d+ \(1\)\n/);
    expect(shown.stdout).toMatch(/\n\nTomorrow · \w{3}, \w{3} \d+ \(1\)\n/);
    expect(shown.stdout).not.toContain('Late');
    expect(titles(await user.run(['upcoming', '--days', '9', '--json']))).toContain('Next week and a day');
  });

  it('says when there is nothing, and refuses a bad --days with exit 2', async () => {
    const user = await newTodoUser(api.stack.url);
    expect(await user.run(['today'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Nothing due today, and nothing overdue.\n',
    });
    expect(await user.run(['upcoming'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Nothing due in the next 7 days.\n',
    });
    const bad = await user.run(['upcoming', '--days', '0']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--days must be a whole number from 1 to 60 (got "0")');
  });
});

describe("the profile's time zone", () => {
  it("is where todo today, todo list and todo add read the day, not the system's", async () => {
    const user = await newTodoUser(api.stack.url);
    expect((await user.run(['config', 'set', 'timeZone', 'Asia/Tokyo'])).code).toBe(0);
    // 23:30 on Dec 2 in UTC, the system's zone here, is already Dec 3 in Tokyo.
    const late = {
      NODE_OPTIONS: `--import=${new URL('./support/shifted-clock.mjs', import.meta.url).href}`,
      TODO_TEST_NOW: '2026-12-02T23:30:00Z',
      TZ: 'UTC',
    };
    await user.api.todos.create({ title: 'Sushi', dueDate: '2026-12-03' });
    await user.api.todos.create({ title: 'Yesterday in Tokyo', dueDate: '2026-12-02' });
    const today = await user.run(['today', '--json'], { env: late });
    expect(titles(today)).toEqual(['Yesterday in Tokyo', 'Sushi']);
    const list = await user.run(['list'], { env: late });
    expect(list.stdout).toMatch(/today +Sushi/);
    expect(list.stdout).toMatch(/yesterday +Yesterday in Tokyo/);
    const added = await user.run(['add', 'Ramen', '--due', 'tomorrow', '--json'], { env: late });
    expect(JSON.parse(added.stdout)).toMatchObject({ dueDate: '2026-12-04' });
  });
});
