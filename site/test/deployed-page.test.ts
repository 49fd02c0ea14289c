// The page as the deployment uploads it (deploy/prepare-upload.mjs: index.html, css/ and js/,
// minified by esbuild) must be the same page: minifying must not break a module, an import or
// the Content-Security-Policy. The other tests use the files as written.
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePageUpload } from '../deploy/prepare-upload.mjs';
import { closePages, launchBrowser } from './support/browser.js';
import { openSignedIn } from './support/sign-in.js';
import { SITE_DIR, type Site, startSite } from './support/site.js';
import { eventually, textOf, todoPage } from './support/todo-page.js';

let site: Site;
let browser: Browser;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = preparePageUpload(mkdtempSync(join(tmpdir(), 'todolist-page-upload-')));
  // The local gateway serves a folder as its page.json says; the upload is the page alone, so the
  // gateway serves the same files with page.json beside them.
  const servedDir = preparePageUpload(mkdtempSync(join(tmpdir(), 'todolist-page-served-')));
  copyFileSync(join(SITE_DIR, 'page.json'), join(servedDir, 'page.json'));
  [site, browser] = await Promise.all([startSite(servedDir), launchBrowser()]);
});

afterAll(async () => {
  await closePages();
  await browser?.close();
  await site?.stack.close();
});

describe('the page as deployed', () => {
  it('holds only the page itself: index.html, css/ and js/', () => {
    expect(readdirSync(uploadDir).sort()).toEqual(['css', 'index.html', 'js']);
  });

  it('adds, completes and keeps todos across a reload, with no console or CSP error', async () => {
    const opened = await openSignedIn(browser, site);
    const app = todoPage(opened.page);
    await app.loaded();
    await app.add('Buy milk', 'Call the bank');
    await app.item('Buy milk').locator('.toggle').check();
    await app.settled();
    await eventually(textOf(app.count), '1 item left');

    await opened.page.reload();
    await app.loaded();
    await eventually(app.titles, ['Buy milk', 'Call the bank']);
    expect(await app.item('Buy milk').getAttribute('class')).toContain('completed');
    expect((await site.api.todos.list({ status: 'completed' })).items.map((todo) => todo.title)).toEqual([
      'Buy milk',
    ]);
    expect(opened.errors).toEqual([]);
  });

  it('loads what it loads on first use, bundled: the details form, Undo, reordering and the list dialog', async () => {
    await site.reset();
    for await (const list of site.api.lists.iterate())
      if (!list.inbox) await site.api.lists.delete(list.id, { todos: 'delete' });
    await site.seed([{ title: 'One' }, { title: 'Two' }]);
    const opened = await openSignedIn(browser, site);
    const app = todoPage(opened.page);
    await app.loaded();
    await app.item('One').locator('.open-details').click();
    await opened.page.locator('.details').waitFor();
    await opened.page.keyboard.press('Escape');
    await app.item('Two').locator('.toggle').focus();
    await opened.page.keyboard.press('Alt+ArrowUp');
    await eventually(app.titles, ['Two', 'One']);
    await app.item('One').locator('.destroy').click();
    await opened.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await eventually(app.titles, ['Two', 'One']);
    await opened.page.getByRole('button', { name: 'New list' }).click();
    await opened.page.getByRole('dialog', { name: 'New list' }).getByLabel('Name').fill('Errands');
    await opened.page.getByRole('button', { name: 'Create list' }).click();
    await eventually(textOf(opened.page.locator('.list-name')), 'Errands');
    await app.settled();
    expect(
      (await site.api.todos.list({ listId: 'inbox', sort: 'manual' })).items.map((t) => t.title),
    ).toEqual(['Two', 'One']);
    expect(opened.errors).toEqual([]);
  });
});
