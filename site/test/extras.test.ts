// Beyond TodoMVC: due dates, priority, tags and notes; the keyboard; long lists page by page;
// a first load without a flash of the empty state; changes shown before the API answers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenedPage } from './support/browser.js';
import { openSignedIn, signIn } from './support/sign-in.js';
import { countOf, eventually, textOf, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();
let opened: OpenedPage;
let page: Page;
let app: ReturnType<typeof todoPage>;

/** A day relative to today in this machine's time zone (the browser's too), as YYYY-MM-DD. */
function day(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function open(path = '/') {
  opened = await openSignedIn(browser(), site(), path);
  page = opened.page;
  app = todoPage(page);
  await app.loaded();
}

describe('due dates, priority, tags and notes', () => {
  it('shows overdue and due-today todos, set through the details form and kept by the API', async () => {
    await site().seed([
      { title: 'pay rent', dueDate: day(-2) },
      { title: 'done late', dueDate: day(-2), completed: true },
    ]);
    await open();
    await app.add('call mum');
    const mum = app.item('call mum');
    await mum.locator('.open-details').click();
    await mum.locator('input[name=dueDate]').fill(day(0));
    await mum.locator('select[name=priority]').selectOption('high');
    await mum.locator('textarea[name=notes]').fill('about Sunday lunch');
    await mum.locator('button.save').click();

    expect(await mum.getAttribute('class')).toContain('due-today');
    expect(await mum.locator('.due').textContent()).toBe('Due today');
    expect(await mum.locator('.priority').textContent()).toBe('high priority');
    expect(await mum.locator('.notes').textContent()).toBe('about Sunday lunch');
    expect(await app.item('pay rent').getAttribute('class')).toContain('overdue');
    expect(await app.item('pay rent').locator('.due').textContent()).toMatch(/^Overdue · /);
    // A done todo is not overdue, whatever its date.
    expect(await app.item('done late').getAttribute('class')).not.toContain('overdue');

    await app.settled();
    const [stored] = (await site().api.todos.list()).items.filter((todo) => todo.title === 'call mum');
    expect(stored).toMatchObject({ dueDate: day(0), priority: 'high', notes: 'about Sunday lunch' });
    await page.reload();
    await app.loaded();
    expect(await app.item('call mum').locator('.due').textContent()).toBe('Due today');
  });

  it("sets a time on the due day in the details form, shows it in the reader's clock, and clears it with the day", async () => {
    await site().seed([{ title: 'dentist', dueDate: day(3), dueTime: '09:30' }]);
    await open();
    expect(await app.item('dentist').locator('.due').textContent()).toMatch(/^Due .+, 9:30\sAM$/);
    await app.add('call mum');
    const mum = app.item('call mum');
    await mum.locator('.open-details').click();
    await mum.locator('input[name=dueDate]').fill(day(1));
    await mum.locator('input[name=dueTime]').fill('18:15');
    await mum.locator('button.save').click();
    await eventually(textOf(mum.locator('.due')), expect.stringMatching(/^Due .+, 6:15\sPM$/));
    await app.settled();
    const stored = async () =>
      (await site().api.todos.list()).items.find((todo) => todo.title === 'call mum');
    expect(await stored()).toMatchObject({ dueDate: day(1), dueTime: '18:15' });

    await mum.locator('.open-details').click();
    expect(await mum.locator('input[name=dueTime]').inputValue()).toBe('18:15');
    await mum.locator('input[name=dueDate]').fill('');
    await mum.locator('button.save').click();
    await app.settled();
    expect(await stored()).toMatchObject({ dueDate: null, dueTime: null });
    expect(await mum.locator('.due').count()).toBe(0);
  });

  it('brings a repeating todo back open on its next day when it is done, says it repeats, and stops repeating when told', async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await site().seed([
      { title: 'water the plants', dueDate: day(0), recurrence: { rrule: 'FREQ=WEEKLY', timeZone } },
    ]);
    await open();
    const plants = app.item('water the plants');
    expect(await plants.locator('.repeats').textContent()).toBe('↻ Repeats');
    // click, not check: the API's answer opens it again (on its next day) at once.
    await plants.locator('.toggle').click();
    await app.settled();
    await eventually(
      () => plants.getAttribute('class').then((classes) => classes?.includes('completed')),
      false,
    );
    const [stored] = (await site().api.todos.list()).items;
    expect(stored).toMatchObject({ completed: false, dueDate: day(7) });
    expect(stored?.completions.map((completion) => completion.dueDate)).toEqual([day(0)]);
    await eventually(textOf(plants.locator('.due')), expect.stringMatching(/^Due /));

    // Told to stop repeating in its details, done is done for good.
    await plants.locator('.open-details').click();
    await plants.locator('input[name=repeats]').uncheck();
    await plants.locator('button.save').click();
    await app.settled();
    expect(await plants.locator('.repeats').count()).toBe(0);
    await plants.locator('.toggle').check();
    await app.settled();
    const [ended] = (await site().api.todos.list({ status: 'all' })).items;
    expect(ended).toMatchObject({ completed: true, recurrence: null, dueDate: day(7) });
  });

  it('tags todos, filters by tag with the select or a tag link, with the status filters and the back button', async () => {
    await site().seed([
      { title: 'milk', tags: ['home'] },
      { title: 'report', tags: ['work'] },
      { title: 'nap' },
    ]);
    await open();
    const nap = app.item('nap');
    await nap.locator('.open-details').click();
    await nap.locator('input[name=tags]').fill('Home, #weekend');
    await nap.locator('button.save').click();
    expect(await nap.locator('.tag').allTextContents()).toEqual(['#home', '#weekend']);

    await page.selectOption('#tag-filter', 'home');
    await eventually(app.titles, ['milk', 'nap']);
    expect(page.url()).toMatch(/#\/\?tag=home$/);
    await app.item('milk').locator('.toggle').check();
    await page.click('.filters a:text-is("Active")');
    await eventually(app.titles, ['nap']);
    await app.item('nap').locator('.tag', { hasText: '#weekend' }).click();
    await eventually(app.titles, ['nap']);
    expect(await page.inputValue('#tag-filter')).toBe('weekend');
    await page.goBack();
    await eventually(() => page.inputValue('#tag-filter'), 'home');
    await page.selectOption('#tag-filter', '');
    await eventually(app.titles, ['report', 'nap']);

    await app.settled();
    const tags = (await site().api.todos.list()).items.map((todo) => todo.tags);
    expect(tags).toEqual([['home'], ['work'], ['home', 'weekend']]);
  });

  it('refuses a malformed tag beside the field, sending nothing', async () => {
    await site().seed([{ title: 'milk' }]);
    await open();
    await app.item('milk').locator('.open-details').click();
    await app.item('milk').locator('input[name=tags]').fill('no/slashes');
    await app.item('milk').locator('button.save').click();
    const message = await app
      .item('milk')
      .locator('input[name=tags]')
      .evaluate((input) => (input as HTMLInputElement).validationMessage);
    expect(message).toContain('"no/slashes" is not a tag');
    expect((await site().api.todos.list()).items[0]?.tags).toEqual([]);
  });
});

describe('the keyboard alone', () => {
  it('adds, completes, edits and deletes a todo with visible focus throughout', async () => {
    await open();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const outline = getComputedStyle(element).outlineStyle;
        return `${element.className || element.tagName.toLowerCase()}${outline === 'none' ? ' (no outline)' : ''}`;
      });
    await page.keyboard.type('walk the dog');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('toggle-all');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('search');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('toggle');
    await page.keyboard.press('Space');
    expect(await app.items.first().getAttribute('class')).toContain('completed');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('open-details');
    await page.keyboard.press('Enter');
    // The form's code loads on first use.
    await eventually(focused, 'input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('walk the cat');
    await page.keyboard.press('Enter');
    expect(await app.titles()).toEqual(['walk the cat']);
    expect(await focused()).toBe('open-details');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('destroy');
    await page.keyboard.press('Enter');
    expect(await app.items.count()).toBe(0);
    expect(await focused()).toBe('new-todo');
    await page.keyboard.press('Tab');
    await page.keyboard.press('/');
    expect(await focused()).toBe('new-todo');
  });
});

describe('long lists', () => {
  it('shows the first 100 todos, then loads the next pages on scrolling or with the button', async () => {
    const items = Array.from({ length: 230 }, (_, i) => ({
      title: `todo ${String(i + 1).padStart(3, '0')}`,
    }));
    const summary = await site().api.todos.importMany(items);
    expect(summary.created).toBe(230);
    await open();
    expect(await app.items.count()).toBe(100);
    expect(await app.count.textContent()).toBe('100 items left so far');
    // The button, without scrolling (scrolling would load the page too).
    await page.locator('.load-more').evaluate((button) => (button as HTMLButtonElement).click());
    await eventually(countOf(app.items), 200);
    // Scrolling to the end loads the rest, page after page while the end stays in sight.
    await page.locator('.load-more').scrollIntoViewIfNeeded();
    await eventually(countOf(app.items), 230);
    expect(await app.count.textContent()).toBe('230 items left');
    expect(await page.locator('.more').isVisible()).toBe(false);
    // The page shows the Inbox's manual order, to its end. (An import's chunks may land in
    // either order, so that order is the API's, not necessarily the items' own.)
    const manual: string[] = [];
    for await (const todo of site().api.todos.iterate({ listId: 'inbox', sort: 'manual' }))
      manual.push(todo.title);
    expect(manual).toHaveLength(230);
    expect(await app.titles()).toEqual(manual);
  });
});

describe('feeling instant', () => {
  it('shows the list on first load without a flash of the empty state, and a loading line if it is slow', async () => {
    await site().seed([{ title: 'one' }, { title: 'two' }]);
    const context = await browser().newContext();
    const slow = await context.newPage();
    // Every moment the page shows its main section, with how many todos it shows.
    await slow.addInitScript(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      new MutationObserver(() => {
        const main = document.querySelector<HTMLElement>('.main');
        if (main && !main.hidden) seen.push(document.querySelectorAll('.todo-list li').length);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await slow.route('**/v1/todos?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    await slow.goto(site().url);
    await signIn(slow, site().email);
    // One check in the page, so nothing can change between its parts: the loading line shows
    // (after its 400 ms delay) while the main section and the footer stay hidden.
    await slow.waitForFunction(() => {
      const loading = document.querySelector<HTMLElement>('.loading');
      return (
        loading?.offsetParent !== null &&
        loading !== null &&
        getComputedStyle(loading).visibility === 'visible' &&
        document.querySelector<HTMLElement>('.main')?.hidden === true &&
        document.querySelector<HTMLElement>('.footer')?.hidden === true
      );
    });
    await slow.locator('.todo-list li').nth(1).waitFor();
    expect(await slow.locator('.loading').isVisible()).toBe(false);
    const seen = await slow.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((count) => count === 2)).toBe(true);
    await context.close();
  });

  it('shows a change at once, before the API answers', async () => {
    await site().seed([{ title: 'one' }]);
    await open();
    let answered = false;
    await page.route('**/v1/todos/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
      answered = true;
    });
    await app.item('one').locator('.toggle').check();
    expect(await app.items.first().getAttribute('class')).toContain('completed');
    expect(await app.count.textContent()).toBe('0 items left');
    expect(answered).toBe(false);
    await app.settled();
    expect((await site().api.todos.list()).items[0]?.completed).toBe(true);
  });
});

describe('security', () => {
  it('requests nothing from other origins and breaks no Content-Security-Policy rule', async () => {
    await site().seed([{ title: 'one', tags: ['home'], dueDate: day(1), priority: 'high' }]);
    await open();
    await app.add('two');
    await app.item('one').locator('.open-details').click();
    await app.settled();
    const response = await page.request.get(site().url);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(opened.requests.filter((url) => !url.startsWith(site().url))).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await eventually(textOf(app.count), '2 items left');
  });
});
