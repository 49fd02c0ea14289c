// Saved filters in the page: the person's own named queries in the filter language, kept by the
// API (`/v1/filters`), shown in the sidebar under Today and Upcoming; each shows the todos of
// every list that pass it, in due order, as the API's `filter=` lists them. New filter saves one
// (a filter the grammar cannot read says where), Edit filter renames, changes or deletes it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSignedIn } from './support/sign-in.js';
import { eventually, textOf, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();

/** Today in the browser's zone, which the tests leave as the machine's (as the API is told). */
const localToday = () => new Intl.DateTimeFormat('en-CA').format(new Date());

async function open(path = '/') {
  const opened = await openSignedIn(browser(), site(), path, {
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const app = todoPage(opened.page);
  await app.loaded();
  return { ...opened, app };
}

const viewLinks = (page: Page) => () => page.locator('#lists .view-links .list-label').allTextContents();

async function deleteEverySavedFilter(): Promise<void> {
  const { items } = await site().api.filters.list();
  for (const filter of items) await site().api.filters.delete(filter.id);
}

describe('saved filters', () => {
  it('shows each under Today and Upcoming, and its todos of every list in due order', async () => {
    await deleteEverySavedFilter();
    const errands = await site().api.lists.create({ name: 'Chores' });
    await site().seed([
      { title: 'Write the report', tags: ['work'], priority: 'high' },
      {
        title: 'Book the venue',
        tags: ['work'],
        priority: 'high',
        dueDate: localToday(),
        listId: errands.id,
      },
      { title: 'Buy stamps', priority: 'high' },
      { title: 'File the expenses', tags: ['work'] },
    ]);
    const saved = await site().api.filters.create({ name: 'Urgent work', query: 'p1 & #work' });
    const { page, app } = await open();
    await eventually(viewLinks(page), ['Today', 'Upcoming', 'Urgent work']);
    await page.locator('#lists .view-links a', { hasText: 'Urgent work' }).click();
    await eventually(app.titles, ['Book the venue', 'Write the report']);
    expect(page.url()).toContain(`#/?view=${saved.id}`);
    expect(await textOf(page.locator('.list-name'))()).toBe('Urgent work');
    const api = await site().api.todos.list({ filter: saved.query, sort: 'due' });
    expect(api.items.map((todo) => todo.title)).toEqual(['Book the venue', 'Write the report']);
    // A todo changed elsewhere to pass it joins, live.
    await page.locator('.todoapp[data-live="live"]').waitFor();
    const expenses = (await site().api.todos.list({ q: 'expenses' })).items[0];
    await site().api.todos.update(expenses?.id ?? '', { priority: 'high' });
    await eventually(app.titles, ['Book the venue', 'Write the report', 'File the expenses']);
    // A reload opens it again, the filter read before its todos.
    await page.reload();
    await app.loaded();
    await eventually(app.titles, ['Book the venue', 'Write the report', 'File the expenses']);
  });

  it('saves a new one from the sidebar, saying where a filter it cannot read goes wrong', async () => {
    await deleteEverySavedFilter();
    await site().seed([{ title: 'Plan the trip', tags: ['home'] }, { title: 'Call the plumber' }]);
    const { page, app } = await open();
    await page.locator('.new-filter').click();
    await page.locator('#saved-filter-name').fill('Home');
    await page.locator('#saved-filter-query').fill('#home &');
    await page.locator('#saved-filter-query').press('Enter');
    await eventually(
      async () => /at character \d+/.test((await page.locator('.dialog-error').textContent()) ?? ''),
      true,
    );
    expect((await site().api.filters.list()).items).toEqual([]);
    await page.locator('#saved-filter-query').fill('#home');
    await page.locator('#saved-filter-query').press('Enter');
    await eventually(textOf(page.locator('.list-name')), 'Home');
    await eventually(app.titles, ['Plan the trip']);
    const { items } = await site().api.filters.list();
    expect(items.map(({ name, query }) => ({ name, query }))).toEqual([{ name: 'Home', query: '#home' }]);
  });

  it('opens one saved elsewhere since the page listed them', async () => {
    await deleteEverySavedFilter();
    await site().seed([{ title: 'Plan the trip', tags: ['home'] }, { title: 'Call the plumber' }]);
    const { page, app } = await open();
    await eventually(viewLinks(page), ['Today', 'Upcoming']);
    const saved = await site().api.filters.create({ name: 'Home', query: '#home' });
    await page.evaluate((id) => {
      window.location.hash = `#/?view=${id}`;
    }, saved.id);
    await eventually(textOf(page.locator('.list-name')), 'Home');
    await eventually(app.titles, ['Plan the trip']);
    await eventually(viewLinks(page), ['Today', 'Upcoming', 'Home']);
    expect(await textOf(page.locator('.notice-text'))()).toBe('');
  });

  it('renames, changes and deletes one with Edit filter, and a deleted one opens the Inbox', async () => {
    await deleteEverySavedFilter();
    await site().seed([
      { title: 'Plan the trip', tags: ['home'] },
      { title: 'Fix the shelf', tags: ['diy'] },
    ]);
    const saved = await site().api.filters.create({ name: 'Home', query: '#home' });
    const { page, app } = await open(`/#/?view=${saved.id}`);
    await eventually(app.titles, ['Plan the trip']);
    await page.locator('.edit-filter').click();
    await page.locator('#saved-filter-name').fill('Weekend');
    await page.locator('#saved-filter-query').fill('#home | #diy');
    await page.locator('#saved-filter-query').press('Enter');
    await eventually(textOf(page.locator('.list-name')), 'Weekend');
    await eventually(app.titles, ['Plan the trip', 'Fix the shelf']);
    await eventually(viewLinks(page), ['Today', 'Upcoming', 'Weekend']);
    await page.locator('.edit-filter').click();
    await page.locator('.delete-filter').click();
    await eventually(textOf(page.locator('.list-name')), 'Inbox');
    await eventually(viewLinks(page), ['Today', 'Upcoming']);
    expect((await site().api.filters.list()).items).toEqual([]);
    // Its address, kept from before: the Inbox, saying why.
    const again = await open(`/#/?view=${saved.id}`);
    await eventually(textOf(again.page.locator('.notice-text')), 'That saved filter no longer exists.');
    expect(await textOf(again.page.locator('.list-name'))()).toBe('Inbox');
  });
});
