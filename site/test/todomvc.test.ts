// The TodoMVC application specification, behaviour by behaviour, with the todos kept by the API.
import { beforeEach, describe, expect, it } from 'vitest';
import { countOf, eventually, showView, textOf, visible } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, page, app } = useSite({ signedIn: true });

/** The titles the API keeps, once the page has no change in flight. */
async function storedTitles(): Promise<string[]> {
  await app().settled();
  return (await site().api.todos.list()).items.map((todo) => todo.title);
}

describe('no todos', () => {
  it('focuses the new todo field on load and hides the main section and the footer', async () => {
    expect(await page().evaluate(() => document.activeElement?.className)).toBe('new-todo');
    expect(await app().main.isVisible()).toBe(false);
    expect(await app().footer.isVisible()).toBe(false);
  });
});

describe('new todo', () => {
  it('adds the trimmed title on Enter, clears the field, and ignores a blank one', async () => {
    await app().add('  buy some cheese  ');
    expect(await app().titles()).toEqual(['buy some cheese']);
    expect(await app().newTodo.inputValue()).toBe('');
    await app().add('   ');
    expect(await app().titles()).toEqual(['buy some cheese']);
    await app().add('feed the cat');
    expect(await app().titles()).toEqual(['buy some cheese', 'feed the cat']);
    expect(await storedTitles()).toEqual(['buy some cheese', 'feed the cat']);
  });

  it('counts what is left with TodoMVC’s exact words', async () => {
    await app().add('one');
    expect(await app().count.innerHTML()).toBe('<strong>1</strong> item left');
    await app().add('two');
    expect(await app().count.textContent()).toBe('2 items left');
    await app().item('one').locator('.toggle').check();
    await app().item('two').locator('.toggle').check();
    expect(await app().count.textContent()).toBe('0 items left');
  });
});

describe('marking todos', () => {
  it('toggles one todo, marking its row completed', async () => {
    await app().add('one', 'two');
    await app().item('one').locator('.toggle').check();
    expect(await app().item('one').getAttribute('class')).toContain('completed');
    expect(await app().item('two').getAttribute('class')).not.toContain('completed');
    await app().item('one').locator('.toggle').uncheck();
    expect(await app().item('one').getAttribute('class')).not.toContain('completed');
  });

  it('toggles all, and toggle-all follows the todos', async () => {
    await app().add('one', 'two', 'three');
    await app().toggleAll.check();
    await eventually(countOf(page().locator('.todo-list li.completed')), 3);
    await app().settled();
    expect((await site().api.todos.list({ status: 'completed' })).items).toHaveLength(3);
    await app().item('two').locator('.toggle').uncheck();
    expect(await app().toggleAll.isChecked()).toBe(false);
    await app().item('two').locator('.toggle').check();
    expect(await app().toggleAll.isChecked()).toBe(true);
    await app().toggleAll.uncheck();
    await eventually(countOf(page().locator('.todo-list li.completed')), 0);
  });
});

describe('item', () => {
  it('deletes a todo with its destroy button, shown on hover', async () => {
    await app().add('one', 'two');
    await app().item('one').hover();
    await app().item('one').locator('.destroy').click();
    expect(await app().titles()).toEqual(['two']);
    expect(await storedTitles()).toEqual(['two']);
  });
});

describe('editing', () => {
  beforeEach(async () => {
    await app().add('buy some cheese', 'feed the cat');
    await app().settled();
  });

  it('edits on double-click, hiding the other controls and focusing the field with the title', async () => {
    await app().item('feed the cat').locator('label').dblclick();
    const li = app().items.nth(1);
    // Editing's code loads on first use (from the first key or pointer press), so it may take a moment.
    await eventually(async () => (await li.getAttribute('class'))?.includes('editing'), true);
    expect(await li.locator('.view').isVisible()).toBe(false);
    expect(await li.locator('.edit').inputValue()).toBe('feed the cat');
    expect(await page().evaluate(() => document.activeElement?.className)).toBe('edit');
  });

  it('saves the trimmed title on Enter and on blur', async () => {
    await app().item('feed the cat').locator('label').dblclick();
    await app().items.nth(1).locator('.edit').fill('  feed the dog  ');
    await app().items.nth(1).locator('.edit').press('Enter');
    expect(await app().titles()).toEqual(['buy some cheese', 'feed the dog']);
    expect(await app().items.nth(1).getAttribute('class')).not.toContain('editing');

    await app().item('buy some cheese').locator('label').dblclick();
    await app().items.nth(0).locator('.edit').fill('buy bread');
    await app().newTodo.click();
    expect(await app().titles()).toEqual(['buy bread', 'feed the dog']);
    expect(await storedTitles()).toEqual(['buy bread', 'feed the dog']);
  });

  it('cancels on Escape, and deletes the todo when the title is emptied', async () => {
    await app().item('feed the cat').locator('label').dblclick();
    await app().items.nth(1).locator('.edit').fill('something else');
    await app().items.nth(1).locator('.edit').press('Escape');
    expect(await app().titles()).toEqual(['buy some cheese', 'feed the cat']);

    await app().item('feed the cat').locator('label').dblclick();
    await app().items.nth(1).locator('.edit').fill('   ');
    await app().items.nth(1).locator('.edit').press('Enter');
    expect(await app().titles()).toEqual(['buy some cheese']);
    await app().settled();
    expect((await site().api.todos.list()).items).toHaveLength(1);
  });
});

describe('clear completed', () => {
  it('removes the completed todos, hidden when there are none', async () => {
    await app().add('one', 'two', 'three');
    expect(await app().clearCompleted.isVisible()).toBe(false);
    await app().item('one').locator('.toggle').check();
    await app().item('three').locator('.toggle').check();
    expect(await app().clearCompleted.isVisible()).toBe(true);
    await app().clearCompleted.click();
    // The bulk actions' code loads on first use (from the first key or pointer press).
    await eventually(app().titles, ['two']);
    expect(await app().clearCompleted.isVisible()).toBe(false);
    expect(await app().toggleAll.isChecked()).toBe(false);
    expect(await storedTitles()).toEqual(['two']);
  });
});

describe('routing', () => {
  it('filters by #/active and #/completed, marks the link selected, and walks back with the back button', async () => {
    await app().add('one', 'two', 'three');
    await app().item('two').locator('.toggle').check();
    await showView(page(), '#/active');
    expect(await app().titles()).toEqual(['one', 'three']);
    expect(await page().locator('.filters a.selected').textContent()).toBe('Active');
    await showView(page(), '#/completed');
    expect(await app().titles()).toEqual(['two']);
    // A todo changed within a filtered view leaves it.
    await app().item('two').locator('.toggle').click();
    await eventually(app().titles, []);
    await page().goBack();
    await eventually(textOf(page().locator('.filters a.selected')), 'Active');
    expect(await app().titles()).toEqual(['one', 'two', 'three']);
    await page().goBack();
    await eventually(textOf(page().locator('.filters a.selected')), 'All');
    expect(await app().titles()).toEqual(['one', 'two', 'three']);
  });
});

describe('persistence', () => {
  it('keeps the todos, their state and the route across a reload, in the API rather than localStorage', async () => {
    await app().add('one', 'two');
    await app().item('two').locator('.toggle').check();
    await showView(page(), '#/completed');
    await app().settled();
    await page().reload();
    await app().loaded();
    expect(await app().titles()).toEqual(['two']);
    expect(await app().items.first().getAttribute('class')).toContain('completed');
    expect(await page().locator('.filters a.selected').textContent()).toBe('Completed');
    expect(await page().evaluate(() => localStorage.length)).toBe(0);
    await showView(page(), '#/');
    await eventually(visible(app().item('one')), true);
  });
});
