// The gateway killed and started again (same data folder, same port) under an open page: the
// page says it is reconnecting, follows the feed again by itself, and what changed while it was
// away shows, once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInLocally } from '@todolist/local/testing';
import { createClient } from '@todolist/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
// The CLI's tests run the gateway as a process the same way, to crash it and start it again on
// the same data and port (the in-process stack cannot start twice): one helper for both.
import {
  ensureGatewayBuilt,
  type GatewayProcess,
  startGatewayProcess,
} from '../../packages/cli/test/support/gateway-process.js';
import { closePages, launchBrowser, openPage } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { uniqueEmail } from './support/site.js';
import { eventually, todoPage } from './support/todo-page.js';

let browser: Browser;
let dataDir: string;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  await ensureGatewayBuilt();
  [browser, dataDir] = await Promise.all([
    launchBrowser(),
    mkdtemp(join(tmpdir(), 'todolist-site-restart-')),
  ]);
});

afterAll(async () => {
  await closePages();
  await browser?.close();
  await gateway?.crash();
  await rm(dataDir, { recursive: true, force: true });
});

it('says it is reconnecting while the gateway is down, and resumes after it restarts, showing what changed meanwhile once', async () => {
  gateway = await startGatewayProcess({ dataDir });
  const { port, url } = gateway;
  const email = uniqueEmail();
  const { accessToken } = await signInLocally(url, email);
  const api = createClient({ baseUrl: url, auth: accessToken, retry: false });
  await api.todos.create({ title: 'Before the crash' });
  const { page } = await openPage(browser, url);
  await signIn(page, email);
  const app = todoPage(page);
  const state = page.locator('.todoapp');
  await page.locator('.todoapp[data-live="live"]').waitFor();
  await eventually(app.titles, ['Before the crash']);

  await gateway.crash();
  await eventually(() => state.getAttribute('data-live'), 'reconnecting');
  const reconnecting = page.locator('.live-status');
  await eventually(() => reconnecting.isVisible(), true);
  await eventually(() => reconnecting.textContent(), 'Reconnecting…');
  gateway = await startGatewayProcess({ dataDir, port });
  // Made before the page is back: its reconnect waits (with backoff) after each refusal.
  await api.todos.create({ title: 'While it was away' });
  const [first] = (await api.todos.list()).items;
  await api.todos.complete(first?.id ?? '');

  // The SDK's backoff doubles with each refusal while the gateway starts (full jitter, up to
  // 30 s): a generous ceiling, not a measure of how fast it is back.
  await page.locator('.todoapp[data-live="live"]').waitFor({ timeout: 40_000 });
  await eventually(app.titles, ['Before the crash', 'While it was away']);
  await eventually(() => reconnecting.isVisible(), false);
  // The page may be back between the two calls: the second then comes as a poke.
  await eventually(() => page.locator('li.completed').count(), 1);
  // And it goes on following.
  await api.todos.create({ title: 'After it came back' });
  await eventually(app.titles, ['Before the crash', 'While it was away', 'After it came back']);
});
