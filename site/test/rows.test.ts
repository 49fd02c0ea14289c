// A todo's row: its title and details, and its edit and delete icon buttons, named for the todo,
// shown on hover and on focus with a mouse and always on a phone; `/` from any control that takes
// no text; hints only where they apply.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.js';
import { openSignedIn } from './support/sign-in.js';
import { todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

async function open(options = {}) {
  const { page } = await openSignedIn(browser(), site(), '/', options);
  const app = todoPage(page);
  await app.loaded();
  return { page, app };
}

const opacityOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => getComputedStyle(element).opacity);

const focused = (page: Page) => page.evaluate(() => document.activeElement?.className);

describe('a row', () => {
  it('shows the title and details, with icon buttons named for the todo, on hover and on focus', async () => {
    await site().seed([
      { title: 'Buy milk', dueDate: '2031-05-04', priority: 'high', tags: ['home'], notes: 'oat' },
      { title: 'Call the bank' },
    ]);
    const { page, app } = await open();
    const milk = app.item('Buy milk');
    expect(await milk.locator('.meta > *').allTextContents()).toEqual([
      'Due May 4, 2031',
      'high priority',
      '#home',
      'oat',
    ]);
    const edit = page.getByRole('button', { name: 'Edit Buy milk', exact: true });
    const destroy = page.getByRole('button', { name: 'Delete Buy milk', exact: true });
    expect(await edit.getAttribute('class')).toBe('open-details');
    expect(await destroy.getAttribute('class')).toBe('destroy');
    // Icons, not words in the row.
    expect(await milk.locator('.view').textContent()).not.toMatch(/Edit|Delete/);
    await page.mouse.move(0, 0);
    expect(await opacityOf(page, '.todo-list li:first-child .destroy')).toBe('0');
    await milk.hover();
    expect(await opacityOf(page, '.todo-list li:first-child .destroy')).toBe('1');
    expect(await opacityOf(page, '.todo-list li:first-child .open-details')).toBe('1');

    // Keyboard: focus on the checkbox shows the row's buttons, and Tab reaches them.
    await page.mouse.move(0, 0);
    await app.item('Call the bank').locator('.toggle').focus();
    expect(await opacityOf(page, '.todo-list li:nth-child(2) .open-details')).toBe('1');
    expect(await opacityOf(page, '.todo-list li:first-child .open-details')).toBe('0');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Edit Call the bank',
    );
  });

  it('keeps the buttons on screen and usable on a phone', async () => {
    await site().seed([{ title: 'Buy milk, oat milk, and the good bread from the bakery on the corner' }]);
    const { page, app } = await open(PHONE);
    const li = app.items.first();
    for (const selector of ['.open-details', '.destroy']) {
      expect(await opacityOf(page, `.todo-list li ${selector}`)).toBe('1');
      const box = await li.locator(selector).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375 && box.width >= 40 && box.height >= 40).toBe(true);
    }
    await li.locator('.destroy').tap();
    expect(await app.items.count()).toBe(0);
  });
});

describe('the keyboard', () => {
  it('goes to the search box on / and to the new todo field on q from a checkbox, a button or the tag select, and not from a text field', async () => {
    await site().seed([{ title: 'Buy milk', tags: ['home'] }]);
    const { page, app } = await open();
    for (const selector of ['.todo-list .toggle', '.toggle-all', '.todo-list .destroy', '#tag-filter']) {
      await page.locator(selector).focus();
      await page.keyboard.press('/');
      expect(await focused(page)).toBe('search');
      await page.locator(selector).focus();
      await page.keyboard.press('q');
      expect(await focused(page)).toBe('new-todo');
    }
    expect(await app.newTodo.inputValue()).toBe('');
    expect(await page.locator('.search').inputValue()).toBe('');
    await app.items.first().locator('label').dblclick();
    // The title editor loads on first use: type only once it has the focus.
    const editor = app.items.first().locator('.edit');
    await expect.poll(() => editor.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press('/');
    await page.keyboard.press('q');
    expect(await editor.inputValue()).toBe('Buy milk/q');
  });
});

describe('hints', () => {
  const hints = (page: Page) => page.locator('.info .hint:visible').allTextContents();

  it('shows the keyboard hints signed in only, the editing one only with todos, and none on a phone', async () => {
    const { page: signedOut } = await openPage(browser(), site().url);
    await signedOut.locator('.sign-in').waitFor();
    expect(await hints(signedOut)).toEqual([]);

    const { page, app } = await open();
    const quickAdd = 'Type a todo as you say it: “Pay rent dec 24 5pm p1 #home @flat // by transfer”.';
    expect(await hints(page)).toEqual(['/ searches the list; q goes to the new todo field.', quickAdd]);
    await app.add('Buy milk');
    expect(await hints(page)).toEqual([
      'Double-click a todo to edit it; Enter saves, Escape cancels.',
      '/ searches the list; q goes to the new todo field.',
      quickAdd,
    ]);

    const phone = await open(PHONE);
    expect(await hints(phone.page)).toEqual([]);
  });
});
