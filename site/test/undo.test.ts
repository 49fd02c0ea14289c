// Deleting a todo, or clearing the completed ones, can be undone for a few seconds from a toast:
// the delete happens on the server at once, and Undo creates each todo again through the import
// route with its id and its fields.
import type { Todo } from '@todolist/sdk';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, textOf, visible } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, page, app } = useSite({
  signedIn: true,
  seed: [
    {
      title: 'Buy milk',
      dueDate: '2031-05-04',
      priority: 'high',
      tags: ['home', 'errands'],
      notes: 'oat, not soy\nand bread',
    },
    { title: 'Call the bank', completed: true, priority: 'low', tags: ['money'] },
    { title: 'Water the plants' },
    { title: 'File the taxes', completed: true, dueDate: '2030-01-31', notes: 'receipts in the drawer' },
  ],
});

/**
 * A todo without what the server stamps on every write (its position among them too, which a
 * create cannot set): the fields Undo must bring back.
 */
function fields(todo: Todo) {
  const { createdAt, updatedAt, completedAt, version, position, ...kept } = todo;
  return kept;
}

/**
 * What the API keeps, field by field and in the Inbox's manual order (the page's), once the page
 * has no change in flight: a todo brought back is in its place again.
 */
async function stored() {
  await app().settled();
  return (await site().api.todos.list({ listId: 'inbox', sort: 'manual' })).items.map(fields);
}

// Its box stays in the page for screen readers, visually hidden; its buttons show with it.
const toast = () => page().locator('.toast-dismiss');
const undo = () => page().getByRole('button', { name: 'Undo', exact: true });

describe('undo', () => {
  it('brings a deleted todo back with its id and every field, in the list and in the API', async () => {
    const before = await stored();
    await app().item('Buy milk').locator('.destroy').click();
    expect(await app().titles()).toEqual(['Call the bank', 'Water the plants', 'File the taxes']);
    await eventually(textOf(page().locator('.toast-text')), 'Deleted “Buy milk”');
    expect(await page().locator('.toast-text').getAttribute('role')).toBe('status');
    expect(await stored()).toEqual(before.slice(1));

    await undo().click();
    expect(await app().titles()).toEqual(['Buy milk', 'Call the bank', 'Water the plants', 'File the taxes']);
    expect(await visible(toast())()).toBe(false);
    expect(await stored()).toEqual(before);
    const milk = app().item('Buy milk');
    expect(await milk.locator('.meta > *').allTextContents()).toEqual([
      'Due May 4, 2031',
      'high priority',
      '#home',
      '#errands',
      'oat, not soy\nand bread',
    ]);
    // The todo brought back is the API's again: a change to it is kept.
    await milk.locator('.toggle').check();
    expect((await stored())[0]).toEqual({ ...before[0], completed: true });
  });

  it('brings back every todo clear completed deleted', async () => {
    const before = await stored();
    await app().clearCompleted.click();
    await eventually(app().titles, ['Buy milk', 'Water the plants']);
    await eventually(textOf(page().locator('.toast-text')), 'Deleted 2 completed todos');
    expect(await stored()).toEqual([before[0], before[2]]);
    await undo().click();
    expect(await app().titles()).toEqual(['Buy milk', 'Call the bank', 'Water the plants', 'File the taxes']);
    expect(await stored()).toEqual(before);
    expect(await app().clearCompleted.isVisible()).toBe(true);
  });

  it('brings back a todo whose delete is still on its way, and sends no delete it has not sent yet', async () => {
    const before = await stored();
    const slow = (route: Route) => setTimeout(() => route.continue(), 1500);
    await page().route('**/v1/todos/*', (route) =>
      route.request().method() === 'GET' ? route.continue() : slow(route),
    );
    const deletes: string[] = [];
    page().on('request', (request) => {
      if (request.method() === 'DELETE') deletes.push(request.url());
    });

    // Its delete is out, not answered yet.
    await app().item('Water the plants').locator('.destroy').click();
    await eventually(async () => deletes.length, 1);
    await undo().click();
    // Its delete waits behind the change before it, so Undo comes first and it never goes out.
    await app().item('Buy milk').locator('.toggle').check();
    await app().item('Buy milk').locator('.destroy').click();
    await undo().click();
    expect(await app().titles()).toEqual(['Buy milk', 'Call the bank', 'Water the plants', 'File the taxes']);
    const after = await stored();
    expect(after).toEqual([{ ...before[0], completed: true }, ...before.slice(1)]);
    expect(deletes).toHaveLength(1);
  });
});

describe('the toast', () => {
  it('is reached with Tab, undoes with Ctrl+Z too, is dismissed with × or Escape, and goes by itself about 6 s after the pointer leaves it', async () => {
    await app().item('Buy milk').locator('.destroy').click();
    await page().locator('.toast-action').waitFor();
    // From the list's last control, Tab reaches Undo.
    await page().locator('.clear-completed').focus();
    await page().keyboard.press('Tab');
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page().keyboard.press('Enter');
    await eventually(app().titles, ['Buy milk', 'Call the bank', 'Water the plants', 'File the taxes']);

    await app().item('Water the plants').locator('.destroy').click();
    await app().items.first().locator('.toggle').focus();
    await page().keyboard.press('Control+z');
    await eventually(app().titles, ['Buy milk', 'Call the bank', 'Water the plants', 'File the taxes']);

    await app().item('Water the plants').locator('.destroy').click();
    await page().click('.toast-dismiss');
    expect(await visible(toast())()).toBe(false);
    await app().item('Call the bank').locator('.destroy').click();
    await page().keyboard.press('Escape');
    expect(await visible(toast())()).toBe(false);

    // It stays while the pointer is on it, then goes about 6 s after the pointer leaves.
    await app().item('File the taxes').locator('.destroy').click();
    await page().hover('.toast-text');
    await page().waitForTimeout(6500);
    expect(await visible(toast())()).toBe(true);
    await page().mouse.move(0, 0);
    const leftAt = Date.now();
    await toast().waitFor({ state: 'hidden', timeout: 10_000 });
    expect(Date.now() - leftAt).toBeGreaterThan(5000);
    await app().settled();
    expect((await site().api.todos.list()).items.map((todo) => todo.title)).toEqual(['Buy milk']);
  });
});
