// axe-core finds no violations in any state of the page (the toast and an empty view among
// them), at a phone's width and a desktop's;
// the screenshots of those states are saved in test-results/ for a person to look at.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, openPage } from './support/browser.js';
import { openSignedIn } from './support/sign-in.js';
import { showView, todoPage } from './support/todo-page.js';
import { useSite } from './support/use-site.js';

const { site, browser } = useSite();
let axeSource: string;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe in the page. It is evaluated through the DevTools protocol, which the page's CSP
 * does not govern, so the policy under test stays as strict as it is served.
 */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

function day(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const SAMPLE = [
  { title: 'Pay the electricity bill', dueDate: day(-3), priority: 'high' as const, tags: ['home', 'money'] },
  { title: 'Book the dentist', dueDate: day(0), tags: ['health'] },
  { title: 'Buy oat milk', completed: true, tags: ['errands'] },
  {
    title: 'Draft the quarterly report for the team meeting on Thursday',
    dueDate: day(4),
    notes: 'Numbers from finance first; keep it to two pages, with the charts at the end.',
    tags: ['work'],
  },
  { title: 'Water the plants', priority: 'low' as const },
];

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

describe.each([
  // A phone: touch, no hover, so a row's buttons always show.
  { width: 375, height: 812, isMobile: true, hasTouch: true },
  { width: 1280, height: 800, isMobile: false, hasTouch: false },
])('at $width pixels wide', ({ width, height, isMobile, hasTouch }) => {
  const open = async () => {
    const { page } = await openSignedIn(browser(), site(), '/', {
      viewport: { width, height },
      isMobile,
      hasTouch,
    });
    const app = todoPage(page);
    await app.loaded();
    return { page, app };
  };

  it('has no axe violations signed out', async () => {
    const { page } = await openPage(browser(), site().url, {
      viewport: { width, height },
      isMobile,
      hasTouch,
    });
    await page.locator('.sign-in').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`signed-out-${width}.png`), fullPage: true });
  });

  it('has no axe violations with no todos', async () => {
    const { page } = await open();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`empty-${width}.png`), fullPage: true });
  });

  it('has no axe violations with todos, in each filter, with details open and while editing', async () => {
    await site().seed(SAMPLE);
    const { page, app } = await open();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`list-${width}.png`), fullPage: true });

    // Editing's code loads on first use: wait for the form, and for the title editor below.
    await app.item('Book the dentist').locator('.open-details').click();
    await page.locator('.details').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`details-${width}.png`), fullPage: true });
    await page.keyboard.press('Escape');

    await app.item('Water the plants').locator('label').dblclick();
    await page.locator('li.editing').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await showView(page, '#/active');
    await page.selectOption('#tag-filter', 'home');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`filtered-${width}.png`), fullPage: true });
  });

  it('has no axe violations with lists, a shared one shown, the drawer and the list dialog open', async () => {
    const api = site().api;
    for await (const list of api.lists.iterate())
      if (!list.inbox) await api.lists.delete(list.id, { todos: 'delete' });
    const trip = await api.lists.create({ name: 'Trip to the coast' });
    await api.lists.members.add(trip.id, `friend-${width}@example.com`);
    await api.todos.create({ title: 'Book the tickets', listId: trip.id, tags: ['travel'] });
    await site().seed(SAMPLE.slice(0, 2));
    const { page } = await open();
    await page.locator('#lists li', { hasText: 'Trip to the coast' }).waitFor({ state: 'attached' });
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`lists-${width}.png`), fullPage: true });

    const toggle = page.getByRole('button', { name: 'Lists', exact: true });
    if (await toggle.isVisible()) {
      await toggle.click();
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath(`drawer-${width}.png`), fullPage: false });
    }
    await page.locator('#lists a', { hasText: 'Trip to the coast' }).click();
    await page.locator('.todo-list .by').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`shared-list-${width}.png`), fullPage: true });

    await page.getByRole('button', { name: 'Manage list' }).click();
    await page.locator('.members li').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`list-dialog-${width}.png`), fullPage: false });
  });

  it('has no axe violations with the error message shown', async () => {
    await site().seed(SAMPLE.slice(0, 2));
    const { page, app } = await open();
    await page.route('**/v1/todos/*', (route) => route.abort('connectionrefused'));
    await app.item('Book the dentist').locator('.toggle').check();
    await page.locator('.notice.shown').waitFor();
    await app.settled();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`message-${width}.png`), fullPage: false });
  });

  it('has no axe violations with the toast shown over the error message, and with an empty view', async () => {
    await site().seed(SAMPLE);
    const { page, app } = await open();
    // A refusal, which stays until dismissed (a failure to reach the API would go as soon as
    // the delete below gets through).
    await page.route('**/v1/todos/*', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 403,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Forbidden',
              status: 403,
              detail: 'not yours',
            }),
          })
        : route.continue(),
    );
    // click, not check: the refusal unticks the box again, maybe before check() looks.
    await app.item('Book the dentist').locator('.toggle').click();
    await page.locator('.notice.shown').waitFor();
    await app.item('Water the plants').locator('.destroy').click();
    await page.locator('.toast.shown').waitFor();
    await app.settled();
    expect(await page.locator('.notice.shown').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`toast-${width}.png`), fullPage: false });

    await page.keyboard.press('Escape');
    await showView(page, '#/completed');
    await page.selectOption('#tag-filter', 'home');
    await page.locator('.empty', { hasText: 'No completed todos tagged #home' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath(`empty-view-${width}.png`), fullPage: true });
  });
});
