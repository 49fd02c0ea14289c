import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../bench/chromium.mjs';

/** Debian's Chromium unless CHROMIUM_PATH names another; no browser is downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go, kept as the run's artifacts (ignored by git). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** The file's Chromium, launched as the benchmarks launch it. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A page and what it did that a test may hold against it. */
export interface OpenedPage {
  page: Page;
  /** Console errors, CSP violations among them. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

const contexts = new Set<BrowserContext>();

/** Closes what {@link openPage} opened, so pages of finished tests take no CPU from the next. */
export async function closePages(): Promise<void> {
  await Promise.all([...contexts].map((context) => context.close()));
  contexts.clear();
}

/** A fresh context (no storage shared with other tests) and page, at `url`, watched. */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  contexts.add(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, errors, requests };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return `${ARTIFACTS_DIR}${name}`;
}
