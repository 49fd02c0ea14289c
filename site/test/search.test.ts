// The search box: `/` then type, the list narrows to the todos whose title or notes hold every
// word (case and accents aside, as the API's q= finds them), the search is in the address so a
// reload keeps it, and the view's actions and words are about what it shows.
import { describe, expect, it } from 'vitest';
import { eventually, showView, textOf } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, page, app } = useSite({
  signedIn: true,
  seed: [
    { title: 'Order the crème brûlée', notes: 'from the Café on Rue Cler' },
    { title: 'Cafe rota', tags: ['work'] },
    { title: 'Milk', notes: 'oat, from the cafe' },
    { title: 'Tax return', tags: ['work'] },
  ],
});

const search = () => page().locator('.search');

describe('the search box', () => {
  it('narrows the list as the words are typed, case and accents aside, and finds what q= finds', async () => {
    // The new todo field has the focus on load, and takes / as text: from the list, it searches.
    await app().toggleAll.focus();
    await page().keyboard.press('/');
    expect(await page().evaluate(() => document.activeElement?.className)).toBe('search');
    await page().keyboard.type('CAFÉ');
    await eventually(app().titles, ['Order the crème brûlée', 'Cafe rota', 'Milk']);
    expect(page().url()).toMatch(/#\/\?q=CAF%C3%89$/);
    await page().keyboard.type(' cler');
    await eventually(app().titles, ['Order the crème brûlée']);
    const api = await site().api.todos.list({ q: 'CAFÉ cler' });
    expect(api.items.map((todo) => todo.title)).toEqual(['Order the crème brûlée']);
    expect(await app().count.textContent()).toBe('1 item left');
  });

  it('is kept by a reload and the back button leaves it whole, and Escape clears it', async () => {
    await showView(page(), '#/active');
    await eventually(app().titles, ['Order the crème brûlée', 'Cafe rota', 'Milk', 'Tax return']);
    await search().fill('rota');
    await eventually(app().titles, ['Cafe rota']);
    await page().reload();
    await app().loaded();
    await eventually(app().titles, ['Cafe rota']);
    expect(await search().inputValue()).toBe('rota');
    // Typing replaced the route: back goes to All, not to "rot".
    await page().goBack();
    await eventually(app().titles, ['Order the crème brûlée', 'Cafe rota', 'Milk', 'Tax return']);
    expect(await search().inputValue()).toBe('');
    await page().goForward();
    await eventually(app().titles, ['Cafe rota']);
    await search().press('Escape');
    await eventually(app().titles, ['Order the crème brûlée', 'Cafe rota', 'Milk', 'Tax return']);
    expect(page().url()).toMatch(/#\/active$/);
  });

  it('says when nothing matches, and toggle-all completes only the todos found', async () => {
    await search().fill('zebra');
    await eventually(textOf(page().locator('.empty')), 'No todos matching “zebra”');
    await search().fill('cafe');
    await eventually(app().titles, ['Order the crème brûlée', 'Cafe rota', 'Milk']);
    await app().toggleAll.click();
    await eventually(textOf(page().locator('.toast-text')), 'Completed 3 todos matching “cafe”');
    await app().settled();
    const stored = (await site().api.todos.list()).items.map((todo) => [todo.title, todo.completed]);
    expect(stored).toEqual([
      ['Order the crème brûlée', true],
      ['Cafe rota', true],
      ['Milk', true],
      ['Tax return', false],
    ]);
  });

  it('searches the whole list, loading the pages not on screen yet', async () => {
    const fillers = Array.from({ length: 100 }, (_, at) => ({ title: `filler ${at + 1}` }));
    await site().seed([...fillers, { title: 'the last filler' }]);
    await page().reload();
    await app().loaded();
    // The first page of 100: the four of the file's seed and 96 fillers; the end is not in sight.
    await eventually(() => app().items.count(), 100);
    await search().fill('filler');
    await eventually(() => app().items.count(), 101);
    expect(await app().count.textContent()).toBe('101 items left');
    expect((await app().titles()).at(-1)).toBe('the last filler');
  });
});
