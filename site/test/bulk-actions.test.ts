// Toggle-all, clear completed and the counter are about what the view shows (its tag and its
// status route) and never touch the todos it hides; each bulk action says what it changed, and a
// view with nothing in it says so.
import { describe, expect, it } from 'vitest';
import { countOf, eventually, showView, textOf, visible } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, page, app } = useSite({
  signedIn: true,
  seed: [
    { title: 'milk', tags: ['home'] },
    { title: 'report', tags: ['work'] },
    { title: 'bins', tags: ['home'], completed: true },
    { title: 'slides', tags: ['work'], completed: true },
    { title: 'rent', tags: ['home', 'money'] },
  ],
});

/** What the API keeps, as [title, completed], once the page has no change in flight. */
async function stored(): Promise<[string, boolean][]> {
  await app().settled();
  return (await site().api.todos.list()).items.map((todo) => [todo.title, todo.completed]);
}

/**
 * Picks `tag` in the Tag select ('' for every tag) until the route shows it: the page's own
 * changes come back to it live and redraw the select, and a choice made as it is redrawn can
 * be lost.
 */
async function showTag(tag: string) {
  const shows = () => (tag ? page().url().endsWith(`?tag=${tag}`) : !page().url().includes('tag='));
  await expect
    .poll(
      async () => {
        if (!shows()) await page().selectOption('#tag-filter', tag);
        return shows();
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

const toast = () => textOf(page().locator('.toast-text'));

describe('in a tag view', () => {
  it('counts only the todos shown, and mark all completes only them', async () => {
    await showTag('home');
    expect(await app().titles()).toEqual(['milk', 'bins', 'rent']);
    expect(await app().count.textContent()).toBe('2 items left');
    await app().toggleAll.check();
    await eventually(countOf(page().locator('.todo-list li.completed')), 3);
    expect(await app().count.textContent()).toBe('0 items left');
    await eventually(toast(), 'Completed 2 todos tagged #home');
    expect(await stored()).toEqual([
      ['milk', true],
      ['report', false],
      ['bins', true],
      ['slides', true],
      ['rent', true],
    ]);

    await app().toggleAll.uncheck();
    await eventually(toast(), 'Reopened 3 todos tagged #home');
    expect(await stored()).toEqual([
      ['milk', false],
      ['report', false],
      ['bins', false],
      ['slides', true],
      ['rent', false],
    ]);
    await showTag('');
    await eventually(textOf(app().count), '4 items left');
  });

  it('clears only the completed todos shown, says how many, and the API keeps the others', async () => {
    await showTag('work');
    await app().item('report').locator('.toggle').check();
    await showTag('home');
    await app().clearCompleted.click();
    await eventually(app().titles, ['milk', 'rent']);
    await eventually(toast(), 'Deleted 1 completed todo tagged #home');
    expect(await stored()).toEqual([
      ['milk', false],
      ['report', true],
      ['slides', true],
      ['rent', false],
    ]);
    expect(await app().clearCompleted.isVisible()).toBe(false);
    await showTag('');
    await eventually(app().titles, ['milk', 'report', 'slides', 'rent']);
    expect(await app().clearCompleted.isVisible()).toBe(true);
  });
});

describe('in a status view', () => {
  it('acts on the todos it shows: clear completed has none in Active, toggle-all reopens those in Completed', async () => {
    // The view is drawn on the hashchange that follows a click, a moment after it.
    await showView(page(), '#/active');
    await eventually(app().titles, ['milk', 'report', 'rent']);
    expect(await app().clearCompleted.isVisible()).toBe(false);
    expect(await app().count.textContent()).toBe('3 items left');
    await showView(page(), '#/completed');
    await eventually(app().titles, ['bins', 'slides']);
    expect(await app().count.textContent()).toBe('0 items left');
    expect(await app().toggleAll.isChecked()).toBe(true);
    await app().toggleAll.uncheck();
    await eventually(app().titles, []);
    await eventually(toast(), 'Reopened 2 todos');
    expect((await stored()).every(([, completed]) => !completed)).toBe(true);
  });
});

describe('a bulk action', () => {
  it('acts on the view it was clicked in, even when the person moves on before it loads', async () => {
    // Hold the module (loaded on the first pointer or key press) until the view has changed.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page().route('**/js/bulk-actions.js', async (route) => {
      await held;
      await route.continue();
    });
    await showView(page(), '#/active');
    await eventually(app().titles, ['milk', 'report', 'rent']);
    await showTag('money');
    await eventually(app().titles, ['rent']);
    await app().toggleAll.click();
    await showTag('');
    await eventually(app().titles, ['milk', 'report', 'rent']);
    release();
    await eventually(toast(), 'Completed 1 todo tagged #money');
    await eventually(app().titles, ['milk', 'report']);
    expect(await stored()).toEqual([
      ['milk', false],
      ['report', false],
      ['bins', true],
      ['slides', true],
      ['rent', true],
    ]);
  });
});

describe('a view with nothing in it', () => {
  it('says so in words that fit the view', async () => {
    const empty = page().locator('.empty');
    expect(await empty.isVisible()).toBe(false);
    await showView(page(), '#/completed');
    await eventually(app().titles, ['bins', 'slides']);
    await showTag('money');
    await eventually(visible(empty), true);
    expect(await empty.textContent()).toBe('No completed todos tagged #money');
    expect(await app().toggleAll.isDisabled()).toBe(true);
    await showView(page(), '#/active?tag=money');
    await eventually(app().titles, ['rent']);
    expect(await empty.isVisible()).toBe(false);
    // click, not check: the todo leaves the view, and with nothing shown the box is unticked again.
    await app().toggleAll.click();
    await eventually(textOf(empty), 'No active todos tagged #money');
    await showTag('');
    await eventually(app().titles, ['milk', 'report']);

    await site().reset();
    // Not a click on the All link: the reset reaches the open page live and hides the footer
    // (no todos), and a click racing that lands on nothing.
    await page().evaluate(() => {
      location.hash = '#/';
    });
    await page().reload();
    await app().loaded();
    await eventually(textOf(empty), 'Nothing here yet');
    expect(await empty.isVisible()).toBe(true);
    expect(await app().main.isVisible()).toBe(false);
  });
});
