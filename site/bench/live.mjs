// The page's live benchmark (`npm run bench`, after first-load.mjs): how fast a change made
// elsewhere is on screen, and what an idle page sends, in Debian's Chromium against the local
// gateway (`packages/local/dist/main.mjs`) serving this folder as written:
//   a. change to screen: another client (the SDK, in this process) creates a todo through the
//      API; the time from just before its call until the page has its row (a MutationObserver in
//      the page, on performance.timeOrigin's clock), beside the same call's own round trip;
//      p50 and p95 over 100 changes, one at a time;
//   b. requests an idle page sends in 60 s once it follows the feed (page.on('request') and
//      WebSocket frames it sends), target 0.
// A missed target is reported, not failed.
import { ensureGatewayBuilt, startGatewayProcess } from '@todolist/bench-kit/gateway';
import { stopProcess } from '@todolist/bench-kit/processes';
import { describeMachine, ms, renderReport } from '@todolist/bench-kit/report';
import { log, runBenchmark } from '@todolist/bench-kit/run';
import { createClient } from '@todolist/sdk';
import { launchChromium } from './chromium.mjs';

const SETTINGS = { changes: 100, idleMs: 60_000 };
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/** A signed-in tab (the session put in sessionStorage, as the page keeps it), following live. */
async function openLivePage(browser, url, tokens) {
  const context = await browser.newContext();
  const session = JSON.stringify({
    accessToken: tokens.accessToken,
    idToken: tokens.idToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + 50 * 60_000,
  });
  await context.addInitScript((value) => sessionStorage.setItem('todolist.session', value), session);
  const page = await context.newPage();
  // Everything the page sends, from the start: the socket's frames are seen only from its opening.
  const sent = [];
  page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`));
  page.on('websocket', (socket) => {
    sent.push(`websocket ${socket.url()}`);
    socket.on('framesent', (frame) => sent.push(`frame ${String(frame.payload).slice(0, 40)}`));
  });
  await page.goto(url);
  await page.locator('.todoapp[data-live="live"]').waitFor({ timeout: 30_000 });
  // Each row's arrival, by title, on the clock of Date.now() (the same as this process's).
  await page.evaluate(() => {
    window.arrived = {};
    new MutationObserver(() => {
      for (const label of document.querySelectorAll('.todo-list li label')) {
        window.arrived[label.textContent] ??= Date.now();
      }
    }).observe(document.querySelector('.todo-list'), { subtree: true, childList: true, characterData: true });
  });
  return { context, page, sent };
}

/** One change at a time: [change to screen, the API call's round trip], in ms. */
async function changeToScreen(page, api) {
  const latencies = [];
  const roundTrips = [];
  for (let i = 0; i < SETTINGS.changes; i++) {
    const title = `change ${i + 1}`;
    const sent = Date.now();
    await api.todos.create({ title });
    roundTrips.push(Date.now() - sent);
    const shown = await page.waitForFunction((t) => window.arrived[t], title, { timeout: 30_000 });
    latencies.push((await shown.jsonValue()) - sent);
  }
  return { latencies, roundTrips };
}

/** What an idle page sends in SETTINGS.idleMs: requests, and frames on its socket (the ping). */
async function idleRequests(page, sent) {
  // The last change's own feed read and the lists' listing, then nothing.
  await page.waitForLoadState('networkidle');
  const before = sent.length;
  await page.waitForTimeout(SETTINGS.idleMs);
  return sent.slice(before);
}

async function run({ resources, children }) {
  const machine = describeMachine();
  const mainPath = await ensureGatewayBuilt(children, log);
  const work = await resources.makeTempDir('todolist-site-live-bench-');
  const gateway = await startGatewayProcess(mainPath, `${work}/gateway`, children, { throttle: false });
  resources.adopt(gateway, () => stopProcess(gateway.child));
  const tokens = await gateway.signIn('live-bench@example.com');
  const api = createClient({ baseUrl: gateway.url, auth: tokens.accessToken, retry: false });
  const browser = await launchChromium();
  resources.adopt(browser, () => browser.close());
  const { page, sent } = await openLivePage(browser, gateway.url, tokens);

  log(`a. ${SETTINGS.changes} todos created through the API, each until its row is on the page`);
  const { latencies, roundTrips } = await changeToScreen(page, api);
  log(`b. the page left idle for ${SETTINGS.idleMs / 1000} s`);
  const idle = await idleRequests(page, sent);

  const p50 = quantile(latencies, 0.5);
  const p95 = quantile(latencies, 0.95);
  const trip50 = quantile(roundTrips, 0.5);
  const trip95 = quantile(roundTrips, 0.95);
  const rows = [
    {
      figure: 'change to screen, p50',
      value: ms(p50),
      baseline: `${ms(trip50)} the API call's round trip`,
      ratio: p50 / trip50,
      target: 'none',
    },
    {
      figure: 'change to screen, p95',
      value: ms(p95),
      baseline: `${ms(trip95)} the API call's round trip`,
      ratio: p95 / trip95,
      target: 'none',
    },
    {
      figure: `requests sent by an idle page in ${SETTINGS.idleMs / 1000} s`,
      value: String(idle.length),
      baseline: '0',
      ratio: idle.length === 0 ? 1 : Number.POSITIVE_INFINITY,
      target: '0',
      pass: idle.length === 0,
    },
  ];
  const report = renderReport({
    title: 'todolist site live benchmark',
    machine,
    method: [
      `Chromium ${browser.version()} headless, one signed-in page of the local gateway on loopback (the page as written, as npm start serves it), following the feed live`,
      `change to screen: another client (the SDK in the benchmark's process) creates a todo; from just before its call to the row's label in the page's list (a MutationObserver, Date.now() on both sides); ${SETTINGS.changes} changes one after another; the baseline is the same call's round trip as that client sees it`,
      `idle: every request (page.on('request')) and every WebSocket frame the page sends in ${SETTINGS.idleMs / 1000} s, from the network's first quiet moment after the last change`,
    ],
    rows,
    details: idle.length ? ['sent while idle:', ...idle.map((line) => `  ${line}`)] : [],
    notes: [
      `change to screen, the spread: min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))}`,
      "the path: the gateway's write, its poke on the socket, the page's read of the feed (GET /v1/changes), the store, the row drawn",
    ],
    reproduce:
      'npm run bench -w @todolist/site   (after `npm run build -w @todolist/sdk`; or `npm run bench` at the root)',
  });
  process.stdout.write(`${report}\n`);
}

await runBenchmark(run);
