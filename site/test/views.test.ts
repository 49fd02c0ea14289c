// Today and Upcoming in the page: above the lists, the todos of every list that are overdue or
// due today, and those due in the next 7 days under a heading per day, in due order, read in the
// person's time zone as the API reads `filter=` in it; a todo typed there is due today, a todo
// changed there stays in sight until the view is shown again, and one changed elsewhere joins
// or leaves the view live.
import type { TodoCreate } from '@todolist/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn } from './support/sign-in.js';
import { eventually, rows, textOf, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();
const ZONE = 'Europe/Paris';

/** The day `offset` days from today in Paris, YYYY-MM-DD: the API and the page read days there. */
function parisDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** A day's heading as the page writes it in en-US: "Today · Dec 3", "Saturday · Dec 5". */
function heading(offset: number): string {
  const date = new Date(`${parisDay(offset)}T12:00:00Z`);
  const name =
    offset === 0
      ? 'Today'
      : offset === 1
        ? 'Tomorrow'
        : new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(date);
  const day = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
    ...(date.getUTCFullYear() === new Date(`${parisDay()}T12:00:00Z`).getUTCFullYear()
      ? {}
      : { year: 'numeric' }),
  }).format(date);
  return `${name} · ${day}`;
}

let errandsId: string;

beforeAll(async () => {
  errandsId = (await site().api.lists.create({ name: 'Errands' })).id;
});

async function seedWeek(): Promise<void> {
  const todos: TodoCreate[] = [
    { title: 'Call mum', dueDate: parisDay(0) },
    { title: 'Pay rent', dueDate: parisDay(-2) },
    { title: 'Dentist', dueDate: parisDay(0), dueTime: '08:00' },
    { title: 'Buy a gift', dueDate: parisDay(3), listId: errandsId },
    { title: 'Book flights', dueDate: parisDay(10) },
    { title: 'Someday' },
    { title: 'Posted the letter', dueDate: parisDay(-1), completed: true },
    { title: 'Renew passport', dueDate: parisDay(1), priority: 'high' },
  ];
  await site().seed(todos);
}

/** The page in Paris, in en-US, signed in, showing `view` and following the feed live. */
async function openView(view: 'today' | 'upcoming') {
  const opened = await openSignedIn(browser(), site(), `/#/?view=${view}`, {
    timezoneId: ZONE,
    locale: 'en-US',
  });
  const app = todoPage(opened.page);
  await app.loaded();
  await opened.page.locator('.todoapp[data-live="live"]').waitFor();
  return { ...opened, app };
}

describe('Today', () => {
  it('shows what is overdue or due today in every list, overdue first, from the sidebar', async () => {
    await seedWeek();
    const opened = await openSignedIn(browser(), site(), '/', { timezoneId: ZONE, locale: 'en-US' });
    const page = opened.page;
    await todoPage(page).loaded();
    await page.locator('#lists .view-links a', { hasText: 'Today' }).click();
    await eventually(rows(page), ['Pay rent', 'Dentist', 'Call mum']);
    expect(page.url()).toMatch(/#\/\?view=today$/);
    expect(await textOf(page.locator('.list-name'))()).toBe('Today');
    expect(await textOf(page.locator('#lists a[aria-current="page"] .list-label'))()).toBe('Today');
    expect(await textOf(page.locator('.todo-count'))()).toBe('3 items left');
    // The same as the API's filter, read in the same zone.
    const api = await site().api.todos.list({ filter: 'today | overdue', sort: 'due', timeZone: ZONE });
    expect(api.items.map((todo) => todo.title)).toEqual(['Pay rent', 'Dentist', 'Call mum']);
    // A reload keeps the view.
    await page.reload();
    await todoPage(page).loaded();
    await eventually(rows(page), ['Pay rent', 'Dentist', 'Call mum']);
  });

  it('adds a todo typed there as due today, and keeps one said for another day in sight', async () => {
    const { page, app } = await openView('today');
    await app.add('Water the plants');
    await app.add('Pick up the parcel tomorrow');
    await eventually(rows(page), ['Water the plants', 'Pick up the parcel']);
    await app.settled();
    const stored = (await site().api.todos.list({ sort: 'due' })).items.map((todo) => [
      todo.title,
      todo.dueDate,
    ]);
    expect(stored).toEqual([
      ['Water the plants', parisDay(0)],
      ['Pick up the parcel', parisDay(1)],
    ]);
  });

  it('keeps a todo completed there in sight until shown again, and follows changes made elsewhere', async () => {
    const [callMum] = await site().seed([
      { title: 'Call mum', dueDate: parisDay(0) },
      { title: 'Pay rent', dueDate: parisDay(-2) },
    ]);
    const { page, app } = await openView('today');
    await eventually(rows(page), ['Pay rent', 'Call mum']);
    // Done, an overdue todo is no longer overdue; it stays, struck through, until the view is shown again.
    await app.item('Pay rent').locator('.toggle').check();
    await app.settled();
    await eventually(rows(page), ['Pay rent', 'Call mum']);
    expect(await app.item('Pay rent').getAttribute('class')).toContain('completed');
    // Elsewhere: one moved to tomorrow leaves, one due today joins in its place in the order.
    await site().api.todos.update(callMum?.id ?? '', { dueDate: parisDay(1) });
    await site().api.todos.create({ title: 'Stand-up', dueDate: parisDay(0), dueTime: '00:00' });
    await eventually(rows(page), ['Pay rent', 'Stand-up']);
    await page.reload();
    await app.loaded();
    await eventually(rows(page), ['Stand-up']);
  });

  it('leaves out a todo of an archived list that changes elsewhere, as the API does', async () => {
    const old = await site().api.lists.create({ name: 'Old projects' });
    const [chore] = await site().seed([{ title: 'Archived chore', listId: old.id }]);
    await site().api.lists.update(old.id, { archived: true });
    const { page } = await openView('today');
    await eventually(textOf(page.locator('.empty')), 'Nothing due today');
    await site().api.todos.update(chore?.id ?? '', { dueDate: parisDay(0) });
    await site().api.todos.create({ title: 'Fresh', dueDate: parisDay(0) });
    // The feed brings both, in that order: by the time the second shows, the first was read.
    await eventually(rows(page), ['Fresh']);
    const api = await site().api.todos.list({ filter: 'today | overdue', timeZone: ZONE });
    expect(api.items.map((todo) => todo.title)).toEqual(['Fresh']);
  });

  it('says so when nothing is due', async () => {
    const { page } = await openView('today');
    await eventually(textOf(page.locator('.empty')), 'Nothing due today');
  });
});

describe('Upcoming', () => {
  it('shows the next 7 days under a heading per day, in every list, and no row moves by hand', async () => {
    await seedWeek();
    const { page } = await openView('upcoming');
    const week = [
      `— ${heading(0)}`,
      'Dentist',
      'Call mum',
      `— ${heading(1)}`,
      'Renew passport',
      `— ${heading(3)}`,
      'Buy a gift',
    ];
    await eventually(rows(page), week);
    expect(await textOf(page.locator('.list-name'))()).toBe('Upcoming');
    // Each row names its list, a link to it.
    const gift = page.locator('.todo-list li', { hasText: 'Buy a gift' }).locator('.list-link');
    expect(await gift.textContent()).toBe('Errands');
    expect(
      await page.locator('.todo-list li', { hasText: 'Dentist' }).locator('.list-link').textContent(),
    ).toBe('Inbox');
    await gift.click();
    await eventually(textOf(page.locator('.list-name')), 'Errands');
    await page.goBack();
    await eventually(textOf(page.locator('.list-name')), 'Upcoming');
    // Its order is the todos' own: Alt+↓ moves nothing.
    await page.locator('.todo-list li', { hasText: 'Dentist' }).locator('.toggle').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(rows(page), week);
  });

  it('says so when nothing is due in the next 7 days', async () => {
    await site().seed([{ title: 'Book flights', dueDate: parisDay(10) }]);
    const { page } = await openView('upcoming');
    await eventually(textOf(page.locator('.empty')), 'Nothing due in the next 7 days');
  });
});
