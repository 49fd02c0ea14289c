// Lists on the page: the sidebar (the Inbox, the person's lists and those shared with them, with
// their open counts; a drawer on a phone), making, renaming and deleting a list, moving a todo to
// another list, the manual order (Alt+↑/↓ and drag and drop, kept across a reload) and sharing a
// list with a second person, who then sees it.
import type { TodolistClient } from '@todolist/sdk';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSignedIn } from './support/sign-in.js';
import { uniqueEmail } from './support/site.js';
import { eventually, textOf, todoPage, visible } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** Deletes the person's lists (with their todos) and leaves those shared with them. */
async function removeLists(api: TodolistClient) {
  for await (const list of api.lists.iterate()) {
    if (list.inbox) continue;
    if (list.role === 'owner') await api.lists.delete(list.id, { todos: 'delete' });
    else await api.lists.members.leave(list.id);
  }
}

beforeEach(() => removeLists(site().api));

async function open(path = '/', options = {}) {
  const opened = await openSignedIn(browser(), site(), path, options);
  const app = todoPage(opened.page);
  await app.loaded();
  return { ...opened, app };
}

/** The sidebar's row for the list named `name`. */
const listRow = (page: Page, name: string) =>
  page
    .locator('#lists .list-links li')
    .filter({ has: page.locator('.list-label', { hasText: new RegExp(`^${name}$`) }) });

/** Each list in the sidebar as [name, open count, shared]. */
const sidebarLists = (page: Page) => () =>
  page
    .locator('#lists .list-links li')
    .evaluateAll((items) =>
      items.map((li) => [
        li.querySelector('.list-label')?.textContent,
        li.querySelector('.count')?.textContent,
        Boolean(li.querySelector('.shared')),
      ]),
    );

/** The list's titles in the API's manual order. */
async function manualOrder(api: TodolistClient, listId = 'inbox') {
  return (await api.todos.list({ listId, sort: 'manual' })).items.map((todo) => todo.title);
}

/** Drags the row of `from` onto that of `onto`: near the top of its upper half, or the bottom of its lower half. */
async function dragOnto(
  app: ReturnType<typeof todoPage>,
  from: string,
  onto: string,
  half: 'upper' | 'lower',
) {
  const target = app.item(onto).locator('.view');
  const height = (await target.boundingBox())?.height ?? 40;
  await app
    .item(from)
    .locator('.view')
    .dragTo(target, { targetPosition: { x: 120, y: half === 'upper' ? 4 : height - 4 } });
}

const focusedTitle = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('li')?.querySelector('label')?.textContent);

describe('the sidebar', () => {
  it('lists the Inbox, the person’s lists and those shared with them, with open counts, and shows the one chosen', async () => {
    const api = site().api;
    const groceries = await api.lists.create({ name: 'Groceries' });
    await api.todos.create({ title: 'Buy milk', listId: groceries.id });
    await api.todos.create({ title: 'Buy bread', listId: groceries.id, completed: true });
    await site().seed([{ title: 'Call the bank' }]);
    const other = site().apiFor(uniqueEmail('friend'));
    const team = await other.lists.create({ name: 'Team' });
    await other.lists.members.add(team.id, site().email);
    await other.todos.create({ title: 'Plan the offsite', listId: team.id });

    const { page, app } = await open();
    await eventually(sidebarLists(page), [
      ['Inbox', '1 open', false],
      ['Groceries', '1 open', false],
      ['Team', '1 open', true],
    ]);
    expect(await page.locator('#lists a[aria-current="page"] .list-label').textContent()).toBe('Inbox');
    expect(await page.locator('.list-name').textContent()).toBe('Inbox');
    expect(await app.titles()).toEqual(['Call the bank']);

    await listRow(page, 'Groceries').locator('a').click();
    await eventually(app.titles, ['Buy milk', 'Buy bread']);
    expect(await page.locator('.list-name').textContent()).toBe('Groceries');
    expect(page.url()).toContain(`list=${groceries.id}`);
    await app.add('Buy eggs');
    await app.settled();
    expect(await manualOrder(api, groceries.id)).toEqual(['Buy milk', 'Buy bread', 'Buy eggs']);
    await eventually(textOf(listRow(page, 'Groceries').locator('.count')), '2 open');

    await listRow(page, 'Team').locator('a').click();
    await eventually(app.titles, ['Plan the offsite']);
    expect(await page.locator('.list-shared').isVisible()).toBe(true);
    await page.goBack();
    await eventually(app.titles, ['Buy milk', 'Buy bread', 'Buy eggs']);
  });

  it('opens as a drawer from its labelled button at 375 pixels, and closes when a list is chosen', async () => {
    await site().api.lists.create({ name: 'Groceries' });
    const { page } = await open('/', PHONE);
    const toggle = page.getByRole('button', { name: 'Lists', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#lists').isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await eventually(visible(listRow(page, 'Groceries')), true);
    await listRow(page, 'Groceries').locator('a').click();
    await eventually(textOf(page.locator('.list-name')), 'Groceries');
    expect(await page.locator('#lists').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // Its × closes it, and Escape too, back on its button.
    await toggle.click();
    await page.getByRole('button', { name: 'Close the lists' }).click();
    expect(await page.locator('#lists').isVisible()).toBe(false);
    await toggle.click();
    await page.keyboard.press('Escape');
    expect(await page.locator('#lists').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('lists-toggle');
  });

  it('shows the Inbox, and says why, for a list that no longer exists', async () => {
    const gone = await site().api.lists.create({ name: 'Gone' });
    await site().api.lists.delete(gone.id);
    await site().seed([{ title: 'Call the bank' }]);
    const { page, app } = await open(`/#/?list=${gone.id}`);
    await eventually(
      textOf(page.locator('.notice-text')),
      'That list no longer exists, or is no longer shared with you.',
    );
    await eventually(textOf(page.locator('.list-name')), 'Inbox');
    await eventually(app.titles, ['Call the bank']);
    expect(new URL(page.url()).hash).toBe('#/');
  });
});

describe('managing lists', () => {
  it('makes a list, renames it, and deletes it with its todos moved to the Inbox or deleted', async () => {
    const api = site().api;
    const { page, app } = await open();
    await page.getByRole('button', { name: 'New list' }).click();
    const dialog = page.getByRole('dialog', { name: 'New list' });
    await dialog.getByLabel('Name').fill('Errands');
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await eventually(textOf(page.locator('.list-name')), 'Errands');
    expect(await page.locator('#lists a[aria-current="page"] .list-label').textContent()).toBe('Errands');
    await app.add('Post the letter');
    await app.settled();

    // A name already taken is refused, in words.
    await page.getByRole('button', { name: 'New list' }).click();
    await page.getByRole('dialog', { name: 'New list' }).getByLabel('Name').fill('Errands');
    await page.getByRole('button', { name: 'Create list' }).click();
    await eventually(textOf(page.locator('.dialog-error')), 'You have a list with that name already.');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Manage list' }).click();
    const manage = page.getByRole('dialog', { name: 'Manage “Errands”' });
    await manage.getByLabel('Name').fill('Chores');
    await manage.getByRole('button', { name: 'Rename' }).click();
    await eventually(textOf(page.locator('.list-name')), 'Chores');
    await eventually(sidebarLists(page), [
      ['Inbox', '0 open', false],
      ['Chores', '1 open', false],
    ]);

    // It has a todo: the page asks what becomes of it.
    await page.getByRole('button', { name: 'Delete list' }).click();
    await page.getByRole('button', { name: 'Move them to the Inbox' }).click();
    await eventually(textOf(page.locator('.list-name')), 'Inbox');
    await eventually(app.titles, ['Post the letter']);
    expect((await api.lists.list()).items.map((list) => list.name)).toEqual(['Inbox']);

    const work = await api.lists.create({ name: 'Work' });
    await api.todos.create({ title: 'Write the report', listId: work.id });
    await page.reload();
    await app.loaded();
    await listRow(page, 'Work').locator('a').click();
    await eventually(app.titles, ['Write the report']);
    await page.getByRole('button', { name: 'Manage list' }).click();
    await page.getByRole('button', { name: 'Delete list' }).click();
    await page.getByRole('button', { name: 'Delete its todos too' }).click();
    await eventually(textOf(page.locator('.list-name')), 'Inbox');
    expect((await api.todos.list()).items.map((todo) => todo.title)).toEqual(['Post the letter']);
    await eventually(sidebarLists(page), [['Inbox', '1 open', false]]);
  });

  it('says in words that only the owner can do what a 403 (owner_only) refused, and stays signed in', async () => {
    const errands = await site().api.lists.create({ name: 'Errands' });
    const { page } = await open(`/#/?list=${errands.id}`);
    await eventually(textOf(page.locator('.list-name')), 'Errands');
    // The page offers an owner's actions to the owner only, so the API's refusal is played here.
    await page.route(`**/v1/lists/${errands.id}`, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 403,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Forbidden',
              status: 403,
              code: 'owner_only',
              detail: `only the owner of list ${errands.id} can rename it`,
            }),
          })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Manage list' }).click();
    const manage = page.getByRole('dialog', { name: 'Manage “Errands”' });
    await manage.getByLabel('Name').fill('Chores');
    await manage.getByRole('button', { name: 'Rename' }).click();
    await eventually(
      textOf(manage.locator('.dialog-error')),
      "Couldn't rename the list: only the list’s owner can do that.",
    );
    expect(await page.locator('.account').isVisible()).toBe(true);
    expect(await page.locator('.sign-in').isVisible()).toBe(false);
  });

  it('moves a todo to another list from its details', async () => {
    const api = site().api;
    const work = await api.lists.create({ name: 'Work' });
    await site().seed([{ title: 'Write the report' }, { title: 'Buy milk' }]);
    const { page, app } = await open();
    await app.item('Write the report').locator('.open-details').click();
    await page.locator('.details').getByLabel('List').selectOption({ label: 'Work' });
    await page.locator('.details').getByRole('button', { name: 'Save' }).click();
    await eventually(app.titles, ['Buy milk']);
    await app.settled();
    expect(await manualOrder(api, work.id)).toEqual(['Write the report']);
    await eventually(sidebarLists(page), [
      ['Inbox', '1 open', false],
      ['Work', '1 open', false],
    ]);
    await listRow(page, 'Work').locator('a').click();
    await eventually(app.titles, ['Write the report']);
  });
});

describe('the manual order', () => {
  it('moves the focused todo one place with Alt+↑ and Alt+↓, keeping the focus on it, and keeps the order across a reload', async () => {
    await site().seed([{ title: 'One' }, { title: 'Two' }, { title: 'Three' }]);
    const { page, app } = await open();
    await app.item('Three').locator('.toggle').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(app.titles, ['One', 'Three', 'Two']);
    expect(await focusedTitle(page)).toBe('Three');
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(app.titles, ['Three', 'One', 'Two']);
    // At the top it stays there.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(app.titles, ['One', 'Three', 'Two']);
    expect(await focusedTitle(page)).toBe('Three');
    await app.settled();
    expect(await manualOrder(site().api)).toEqual(['One', 'Three', 'Two']);

    await page.reload();
    await app.loaded();
    await eventually(app.titles, ['One', 'Three', 'Two']);
  });

  it('reorders by drag and drop, and keeps the order across a reload', async () => {
    await site().seed([{ title: 'One' }, { title: 'Two' }, { title: 'Three' }]);
    const { page, app } = await open();
    // Onto the upper half of a row: before it.
    await dragOnto(app, 'Three', 'One', 'upper');
    await eventually(app.titles, ['Three', 'One', 'Two']);
    // Onto the lower half: after it.
    await dragOnto(app, 'Three', 'Two', 'lower');
    await eventually(app.titles, ['One', 'Two', 'Three']);
    await dragOnto(app, 'One', 'Two', 'lower');
    await eventually(app.titles, ['Two', 'One', 'Three']);
    await app.settled();
    expect(await manualOrder(site().api)).toEqual(['Two', 'One', 'Three']);
    await page.reload();
    await app.loaded();
    await eventually(app.titles, ['Two', 'One', 'Three']);
  });
});

describe('sharing', () => {
  it('shares a list with a second person, who sees it and its todos; names who made them; removes and leaves', async () => {
    const api = site().api;
    const friendEmail = uniqueEmail('friend');
    const friend = site().apiFor(friendEmail);
    await friend.lists.list(); // signed in once, so the address has an account: a member at once
    const trip = await api.lists.create({ name: 'Trip' });
    await api.todos.create({ title: 'Book the tickets', listId: trip.id });

    const { page, app } = await open();
    await listRow(page, 'Trip').locator('a').click();
    await eventually(app.titles, ['Book the tickets']);
    await page.getByRole('button', { name: 'Manage list' }).click();
    const manage = page.getByRole('dialog', { name: 'Manage “Trip”' });
    await manage.getByLabel('Share with (e-mail address)').fill(friendEmail);
    await manage.getByRole('button', { name: 'Share', exact: true }).click();
    await manage.locator('.member-email', { hasText: friendEmail }).waitFor();
    const invitedEmail = uniqueEmail('nobody-yet');
    await manage.getByLabel('Share with (e-mail address)').fill(invitedEmail);
    await manage.getByRole('button', { name: 'Share', exact: true }).click();
    // The owner first, then the others (in the API's order, which is not the order added).
    const members = async () => {
      const [owner, ...others] = await manage
        .locator('.members li')
        .evaluateAll((items) =>
          items.map((li) => [
            li.querySelector('.member-email')?.textContent,
            li.querySelector('.member-status')?.textContent,
          ]),
        );
      return [owner, ...others.sort()];
    };
    await eventually(members, [
      [site().email, 'owner'],
      [friendEmail, 'member'],
      [invitedEmail, 'invited'],
    ]);
    await eventually(visible(listRow(page, 'Trip').locator('.shared')), true);

    // The owner removes the invitation.
    await manage.getByRole('button', { name: `Remove ${invitedEmail}` }).click();
    await eventually(members, [
      [site().email, 'owner'],
      [friendEmail, 'member'],
    ]);
    await page.keyboard.press('Escape');

    // The second person, through the API: the list, its todos, and a todo of theirs.
    const theirs = (await friend.lists.list()).items.find((list) => list.id === trip.id);
    expect(theirs).toMatchObject({ name: 'Trip', role: 'member', shared: true });
    expect(await manualOrder(friend, trip.id)).toEqual(['Book the tickets']);
    await friend.todos.create({ title: 'Pack the bags', listId: trip.id });
    await page.reload();
    await app.loaded();
    await eventually(app.titles, ['Book the tickets', 'Pack the bags']);
    await eventually(textOf(app.item('Pack the bags').locator('.by')), `added by ${friendEmail}`);
    expect(await app.item('Book the tickets').locator('.by').textContent()).toBe(`added by ${site().email}`);

    // The second person, on a page of their own: the list is there, marked shared; they leave it.
    const second = await openSignedIn(browser(), site(), '/', { email: friendEmail });
    const theirApp = todoPage(second.page);
    await theirApp.loaded();
    await eventually(visible(listRow(second.page, 'Trip').locator('.shared')), true);
    await listRow(second.page, 'Trip').locator('a').click();
    await eventually(theirApp.titles, ['Book the tickets', 'Pack the bags']);
    await eventually(textOf(theirApp.item('Book the tickets').locator('.by')), `added by ${site().email}`);
    await second.page.getByRole('button', { name: 'Manage list' }).click();
    await second.page.getByRole('button', { name: 'Leave list' }).click();
    await eventually(textOf(second.page.locator('.list-name')), 'Inbox');
    await eventually(sidebarLists(second.page), [['Inbox', '0 open', false]]);
    expect((await api.lists.members.list(trip.id)).items.map((member) => member.email)).toEqual([
      site().email,
    ]);
  });
});
