import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type OpenedPage, openPage } from './browser.js';
import type { Site } from './site.js';

/**
 * Signs in from the signed-out page, as a person does: Sign in, the gateway's sign-in page, the
 * e-mail address, Sign in again; resolves once the page names the person (the list may still load).
 */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.locator('.sign-in').click();
  await page.locator('input#email').fill(email);
  await page.locator('button[type="submit"]').click();
  await page.locator('.account-email', { hasText: email }).waitFor();
}

/** A fresh context and page at `path` (a route such as `#/active`), signed in as the site's user. */
export async function openSignedIn(
  browser: Browser,
  site: Site,
  path = '/',
  options: BrowserContextOptions & { email?: string } = {},
): Promise<OpenedPage> {
  const { email = site.email, ...contextOptions } = options;
  const opened = await openPage(browser, `${site.url}${path}`, contextOptions);
  await signIn(opened.page, email);
  return opened;
}
