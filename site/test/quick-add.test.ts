// Quick add in the page: a line typed as it is said ("Pay rent dec 24 5pm p1 #home @Flat // by
// transfer") shows what was understood as chips while it is typed, and becomes the todo those
// words describe, in the list the @word names; the SDK's quick-add file (chrono-node inside) is
// fetched only once the person types, never at the first load.
import { INBOX_LIST_ID } from '@todolist/sdk';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn } from './support/sign-in.js';
import { eventually, textOf, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();

const QUICK_ADD_FILE = '/vendor/todolist-sdk-quick-add.min.js';
let flatListId: string;

beforeAll(async () => {
  flatListId = (await site().api.lists.create({ name: 'Flat' })).id;
});

/** The page signed in, in Paris on Thursday 3 December 2026 at 10:00, whatever the machine's day. */
async function openInParis() {
  const opened = await openSignedIn(browser(), site(), '/', { timezoneId: 'Europe/Paris', locale: 'en-US' });
  await opened.page.clock.setFixedTime(new Date('2026-12-03T10:00:00+01:00'));
  const app = todoPage(opened.page);
  await app.loaded();
  return { ...opened, app };
}

const chips = (page: Page) => () => page.locator('.quick-add-chips li').allTextContents();

describe('quick add in the page', () => {
  it('loads only once the person types, and shows what it understood as chips while they do', async () => {
    const { page, requests } = await openInParis();
    expect(requests.some((url) => url.endsWith(QUICK_ADD_FILE))).toBe(false);
    expect(await page.locator('.quick-add-chips').isHidden()).toBe(true);
    await page.locator('.new-todo').pressSequentially('Pay rent dec 24 5pm');
    await eventually(chips(page), ['Due Dec 24, 5:00 PM']);
    expect(requests.some((url) => url.endsWith(QUICK_ADD_FILE))).toBe(true);
    await page.locator('.new-todo').pressSequentially(' p1 #home @flat // by transfer');
    await eventually(chips(page), [
      'Due Dec 24, 5:00 PM',
      'Priority high',
      '#home',
      'List Flat',
      'Notes by transfer',
    ]);
    // Cleared, nothing is understood: the chips go.
    await page.locator('.new-todo').fill('');
    await eventually(chips(page), []);
    expect(await page.locator('.quick-add-chips').isHidden()).toBe(true);
  });

  it('reads an @word again when the lists change, so a list made meanwhile is taken', async () => {
    const { page } = await openInParis();
    await page.locator('.todoapp[data-live="live"]').waitFor();
    await page.locator('.new-todo').pressSequentially('Fix the roof @cabin');
    await eventually(chips(page), []);
    // Made elsewhere while the line waits: the page hears of it, and the word names it now.
    await site().api.lists.create({ name: 'Cabin' });
    await eventually(chips(page), ['List Cabin']);
  });

  it('adds the todo the words describe, in the list the @word names, and says where it went', async () => {
    const { page, app } = await openInParis();
    await app.add('Pay rent dec 24 5pm p1 #home @flat // by transfer');
    await eventually(textOf(page.locator('.toast-text')), 'Added “Pay rent” to Flat');
    await app.settled();
    // Not in the Inbox shown: it went to Flat.
    expect(await app.titles()).toEqual([]);
    const [todo] = (await site().api.todos.list({ listId: flatListId })).items;
    expect(todo).toMatchObject({
      title: 'Pay rent',
      dueDate: '2026-12-24',
      dueTime: '17:00',
      priority: 'high',
      tags: ['home'],
      notes: 'by transfer',
    });
  });

  it('keeps in the title what it does not understand, an @word naming no list included', async () => {
    const { page, app } = await openInParis();
    await page.locator('.new-todo').pressSequentially('Call mum @nowhere friday');
    await eventually(chips(page), ['Due Dec 4']);
    await page.locator('.new-todo').press('Enter');
    await eventually(app.titles, ['Call mum @nowhere']);
    await app.settled();
    const [todo] = (await site().api.todos.list({ listId: INBOX_LIST_ID })).items;
    expect(todo).toMatchObject({ title: 'Call mum @nowhere', dueDate: '2026-12-04', listId: INBOX_LIST_ID });
  });

  it('reads a repeat, and the todo keeps it, due on its first day', async () => {
    const { page, app } = await openInParis();
    await page.locator('.new-todo').pressSequentially('Water the plants every mon');
    await eventually(chips(page), ['Repeats every mon', 'Due Dec 7']);
    await page.locator('.new-todo').press('Enter');
    await eventually(app.titles, ['Water the plants']);
    await app.settled();
    const [todo] = (await site().api.todos.list()).items;
    expect(todo).toMatchObject({
      dueDate: '2026-12-07',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO', fromCompletion: false, timeZone: 'Europe/Paris' },
    });
  });

  it('shows the row at once when Enter comes before quick add, and reads it once quick add is in', async () => {
    const { page, app } = await openInParis();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**${QUICK_ADD_FILE}`, async (route) => {
      await held;
      await route.fallback();
    });
    await app.add('Pay rent dec 24 p1');
    expect(await app.titles()).toEqual(['Pay rent dec 24 p1']);
    release();
    await eventually(app.titles, ['Pay rent']);
    await app.settled();
    const [todo] = (await site().api.todos.list()).items;
    expect(todo).toMatchObject({ title: 'Pay rent', dueDate: '2026-12-24', priority: 'high' });
  });

  it('adds the line as typed, saying so, when quick add cannot be loaded', async () => {
    const { page, app } = await openInParis();
    await page.route(`**${QUICK_ADD_FILE}`, (route) => route.abort('connectionrefused'));
    await app.add('Buy milk tomorrow #home');
    await eventually(app.titles, ['Buy milk tomorrow #home']);
    expect(await textOf(page.locator('.notice-text'))()).toBe(
      "Couldn't read dates, #tags or @lists in it: the page could not load quick add. It was added as typed.",
    );
    await app.settled();
    const [todo] = (await site().api.todos.list()).items;
    expect(todo).toMatchObject({ title: 'Buy milk tomorrow #home', dueDate: null, tags: [] });
  });

  it('puts the words back as typed when the add is refused', async () => {
    const { page, app } = await openInParis();
    await page.route('**/v1/todos', (route) =>
      route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback(),
    );
    await app.add('Buy milk tomorrow #home');
    await eventually(() => page.locator('.new-todo').inputValue(), 'Buy milk tomorrow #home');
    expect(await textOf(page.locator('.notice-text'))()).toContain('Buy milk tomorrow #home');
  });
});
