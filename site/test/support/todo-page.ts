import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The page as TodoMVC's own tests see it: its class names are the page's interface. */
export function todoPage(page: Page) {
  const items = page.locator('.todo-list li');
  return {
    page,
    newTodo: page.locator('.new-todo'),
    items,
    main: page.locator('.main'),
    footer: page.locator('.footer'),
    toggleAll: page.locator('.toggle-all'),
    count: page.locator('.todo-count'),
    clearCompleted: page.locator('.clear-completed'),
    notice: page.locator('.notice'),
    item: (title: string) => items.filter({ has: page.locator('label', { hasText: title }) }),
    /** Types a todo and presses Enter. */
    async add(...titles: string[]) {
      for (const title of titles) {
        await this.newTodo.fill(title);
        await this.newTodo.press('Enter');
      }
    },
    /** The titles shown, in order. */
    titles: () => items.locator('label').allTextContents(),
    /** Waits until the first page is on screen. */
    async loaded() {
      await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-loading]')?.offsetParent);
    },
    /** Waits until the API has answered every change made so far. */
    async settled() {
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('.todoapp')?.dataset.pending === '0',
      );
    },
  };
}

/** Polls until `read` gives `expected`, as the page updates on its own time. */
export async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  await expect.poll(read, { timeout: 10_000 }).toEqual(expected);
}

export const textOf = (locator: Locator) => () => locator.textContent();
export const visible = (locator: Locator) => () => locator.isVisible();
export const countOf = (locator: Locator) => () => locator.count();

/**
 * Clicks the footer's link to `href` (`#/active`, `#/completed?tag=home`) and waits until the
 * view is drawn: the page draws it on the hashchange that follows the click, a moment later,
 * and marks its link selected then.
 */
export async function showView(page: Page, href: string): Promise<void> {
  await page.click(`.filters a[href="${href}"]`);
  await page.waitForFunction(
    (wanted) => document.querySelector('.filters a.selected')?.getAttribute('href') === wanted,
    href,
  );
}

/** Every row of the list in order, as a reader sees it: a day's heading ("— Today · May 11"), or a todo's title. */
export const rows = (page: Page) => () =>
  page
    .locator('.todo-list > li')
    .evaluateAll((items) =>
      items.map((li) =>
        li.classList.contains('day-heading')
          ? `— ${li.textContent}`
          : (li.querySelector('label')?.textContent ?? ''),
      ),
    );
