import type { TodoCreate } from '@todolist/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { closePages, launchBrowser } from './browser.js';
import { openSignedIn } from './sign-in.js';
import { type Site, startSite } from './site.js';
import { todoPage } from './todo-page.js';

/** What {@link useSite} sets up, read in tests and hooks (each throws if read before it is set). */
export interface SiteFixture {
  /** The file's local stack serving the page, with an API client of its user. */
  site(): Site;
  /** The file's Chromium. */
  browser(): Browser;
  /** The page opened before each test, signed in as the site's user (`signedIn` only). */
  page(): Page;
  /** {@link page} as TodoMVC's tests see it, loaded. */
  app(): ReturnType<typeof todoPage>;
}

export interface UseSiteOptions {
  /**
   * Before each test, after the reset (and the seed), open a fresh page at `/` signed in as the
   * site's user and wait for the list to load.
   * @default false
   */
  signedIn?: boolean;
  /** Todos to create through the API before each test, after the reset and before the page opens. */
  seed?: TodoCreate[];
  /**
   * A test stops the stack itself, so closing it again at the end may fail and is not reported.
   * @default false
   */
  stoppedByTest?: boolean;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`useSite: ${what} is not set yet; read it in a test or a hook`);
  return value;
}

/**
 * Registers a test file's hooks: the local stack and Chromium started once for the file and
 * closed after it, the pages a test opened closed after it, and every todo deleted before each
 * test (then the `seed` created and the `signedIn` page opened). Call it at the file's top level.
 * @example
 * const { site, page, app } = useSite({ signedIn: true });
 * it('adds a todo', async () => {
 *   await app().add('milk');
 *   expect((await site().api.todos.list()).items).toHaveLength(1);
 * });
 */
export function useSite(options: UseSiteOptions = {}): SiteFixture {
  let site: Site | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let app: ReturnType<typeof todoPage> | undefined;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startSite(), launchBrowser()]);
  });

  afterEach(closePages);

  afterAll(async () => {
    await browser?.close();
    if (options.stoppedByTest) await site?.stack.close().catch(() => undefined);
    else await site?.stack.close();
  });

  beforeEach(async () => {
    const current = ready(site, 'the site');
    await current.reset();
    if (options.seed) await current.seed(options.seed);
    if (!options.signedIn) return;
    page = (await openSignedIn(ready(browser, 'the browser'), current)).page;
    app = todoPage(page);
    await app.loaded();
  });

  return {
    site: () => ready(site, 'the site'),
    browser: () => ready(browser, 'the browser'),
    page: () => ready(page, 'the page (useSite({ signedIn: true }) opens it)'),
    app: () => ready(app, 'the page (useSite({ signedIn: true }) opens it)'),
  };
}
