// The page's benchmark (`npm run bench`): what a first visit costs, in Debian's Chromium against
// the local gateway (`node packages/handlers/dist/local/main.mjs`) serving the page as the
// deployment uploads it (deploy/prepare-upload.mjs: this folder's page, minified):
//   a. the bytes a first load transfers: every file the page fetches until its list is on screen,
//      SDK included, gzipped with zlib at level 9 (the local gateway does not compress; CloudFront
//      does, in front of the deployment), beside the SDK bundle alone; and the same for the page
//      as written, unminified; then, apart, what it fetches after that to follow the feed live;
//   b. the time from navigation start until 100 todos are on screen, in a fresh browser context
//      (cold cache) each run, beside the load event of a blank page served from loopback in the
//      same browser, alternating run by run.
// A missed target is reported, not failed.
import { copyFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ensureGatewayBuilt, startGatewayProcess } from '@todolist/bench-kit/gateway';
import { stopProcess } from '@todolist/bench-kit/processes';
import { describeMachine, kb, ms, renderReport } from '@todolist/bench-kit/report';
import { log, runBenchmark, SetupError } from '@todolist/bench-kit/run';
import { signInLocally } from '@todolist/local/testing';
import { preparePageUpload, SITE_DIR } from '../deploy/prepare-upload.mjs';
import { launchChromium } from './chromium.mjs';

const SETTINGS = { runs: 15, todos: 100 };
/** The files the page loads, once its list is on screen, to follow the changes feed live. */
const LIVE_FILES = /^\/(js\/live\.js|js\/changed-elsewhere\.js|vendor\/todolist-sdk-sync\.min\.js)$/;
const TARGETS = { firstLoadGzipBytes: 40 * 1024 };
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A loopback server answering an empty page: the floor any page load pays in this browser. */
async function startBlankServer() {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('<!doctype html><title>blank</title>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/**
 * Signs a person in to the gateway, and answers the session as the page keeps it in
 * sessionStorage (js/session.js): every measured load is a signed-in visitor opening the page in
 * a new tab, cold cache, without the sign-in pages in the figures.
 */
async function signedInSession(url) {
  const tokens = await signInLocally(url, 'bench@example.com');
  return {
    key: 'todolist.session',
    value: JSON.stringify({
      accessToken: tokens.accessToken,
      idToken: tokens.idToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + 50 * 60_000,
    }),
    accessToken: tokens.accessToken,
  };
}

/** A fresh context (cold cache) whose tab already holds the session. */
async function signedInContext(browser, session) {
  const context = await browser.newContext();
  await context.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), session);
  return context;
}

async function seed(url, count, session) {
  const items = Array.from({ length: count }, (_, i) => ({
    title: `todo number ${i + 1}`,
    tags: i % 3 ? [] : ['home'],
  }));
  const response = await fetch(`${url}/v1/todos/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify({ items }),
  });
  if (!response.ok) throw new Error(`seeding answered ${response.status}: ${await response.text()}`);
}

/** Every response of one cold first load, with its body's raw and gzipped size. */
async function firstLoadBytes(browser, url, session) {
  const context = await signedInContext(browser, session);
  const page = await context.newPage();
  const files = [];
  // What the page loads once the list is on screen to follow the feed live (live.js and the
  // SDK's second file) is not the first load: it is counted apart.
  const afterList = (path) => LIVE_FILES.test(path);
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const { pathname, search } = new URL(response.url());
    files.push({
      afterList: afterList(pathname),
      path: pathname + search,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body).length,
    });
  });
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('.todo-list li').length === n, SETTINGS.todos);
  await page.locator('.todoapp[data-live="live"]').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return files;
}

/** Milliseconds from navigation start until `n` todos are in the list, in a fresh context. */
async function timeToList(browser, url, n, session) {
  const context = await signedInContext(browser, session);
  const page = await context.newPage();
  await page.addInitScript((count) => {
    new MutationObserver((_, observer) => {
      if (
        document.querySelectorAll('.todo-list li').length >= count &&
        document.querySelector('.main:not([hidden])')
      ) {
        window.shownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, n);
  await page.goto(url);
  await page.waitForFunction(() => window.shownAt);
  // Where the time went: the SDK bundle, and the API's list call, from the page's resource timing.
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const sdk = entries.find((entry) => entry.name.includes('/vendor/'));
    const list = entries.find((entry) => entry.name.includes('/v1/todos'));
    return {
      shown: window.shownAt,
      sdkEnd: sdk?.responseEnd ?? 0,
      listStart: list?.startTime ?? 0,
      listEnd: list?.responseEnd ?? 0,
    };
  });
  await context.close();
  return timing;
}

/** Milliseconds from navigation start to the load event's end, for a blank page. */
async function timeToBlank(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const loaded = await page.waitForFunction(
    () => performance.getEntriesByType('navigation')[0]?.loadEventEnd || 0,
  );
  const value = await loaded.jsonValue();
  await context.close();
  return value;
}

async function run({ resources, children }) {
  const machine = describeMachine();
  const mainPath = await ensureGatewayBuilt(children, log);
  const work = await resources.makeTempDir('todolist-site-bench-');
  const pageDir = preparePageUpload(join(work, 'page'));
  // The gateway serves a folder as its page.json says; the upload itself is the page alone.
  copyFileSync(join(SITE_DIR, 'page.json'), join(pageDir, 'page.json'));
  const gateway = await startGatewayProcess(mainPath, join(work, 'gateway'), children, {
    throttle: false,
    siteDir: pageDir,
  });
  resources.adopt(gateway, () => stopProcess(gateway.child));
  const asWritten = await startGatewayProcess(mainPath, join(work, 'gateway-as-written'), children, {
    throttle: false,
  });
  resources.adopt(asWritten, () => stopProcess(asWritten.child));
  const sdk = await fetch(`${gateway.url}/vendor/todolist-sdk.min.js`);
  if (!sdk.ok) {
    throw new SetupError(
      `${gateway.url}/vendor/todolist-sdk.min.js answered ${sdk.status}: build the SDK (\`npm run build -w @todolist/sdk\`)`,
    );
  }
  const sdkBody = Buffer.from(await sdk.arrayBuffer());
  const blank = resources.adopt(await startBlankServer(), () => blank.close());
  const session = await signedInSession(gateway.url);
  const sessionAsWritten = await signedInSession(asWritten.url);
  await seed(gateway.url, SETTINGS.todos, session);
  await seed(asWritten.url, SETTINGS.todos, sessionAsWritten);
  const browser = await launchChromium();
  resources.adopt(browser, () => browser.close());

  log('a. bytes of a first load');
  const files = await firstLoadBytes(browser, gateway.url, session).catch((error) => {
    throw new Error(
      `${error.message}\ngateway exit ${gateway.child.exitCode} ${gateway.child.signalCode}:\n${gateway.output()}`,
    );
  });
  const isApi = (file) => file.path.startsWith('/v1/');
  const page = files.filter((file) => !isApi(file) && !file.afterList);
  const live = files.filter((file) => !isApi(file) && file.afterList);
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  const pageGzip = sum(page, 'gzip');
  const pageBrotli = sum(page, 'brotli');
  const unminified = (await firstLoadBytes(browser, asWritten.url, sessionAsWritten)).filter(
    (file) => !isApi(file) && !file.afterList,
  );
  await stopProcess(asWritten.child);
  const sdkGzip = gzipSync(sdkBody, { level: 9 }).length;

  if (gateway.child.exitCode !== null) throw new Error(`the gateway exited:\n${gateway.output()}`);
  log(
    `b. ${SETTINGS.runs + 1} cold loads each of the page with ${SETTINGS.todos} todos and of a blank page, alternating`,
  );
  const listTimes = [];
  const blankTimes = [];
  const phases = [];
  for (let i = -1; i < SETTINGS.runs; i++) {
    const list = await timeToList(browser, gateway.url, SETTINGS.todos, session);
    const empty = await timeToBlank(browser, blank.url);
    if (i >= 0) {
      listTimes.push(list.shown);
      phases.push(list);
      blankTimes.push(empty);
    }
  }
  const listMs = median(listTimes);
  const blankMs = median(blankTimes);

  const rows = [
    {
      figure: 'first load as deployed: page + SDK, gzip -9',
      value: `${kb(pageGzip)} (${kb(sum(page, 'raw'))} raw, ${page.length} files)`,
      baseline: `${kb(sdkGzip)} SDK bundle alone`,
      ratio: pageGzip / sdkGzip,
      target: '<= 40 KB gzip',
      pass: pageGzip <= TARGETS.firstLoadGzipBytes,
    },
    {
      figure: 'then, following live: gzip -9',
      value: `${kb(sum(live, 'gzip'))} (${kb(sum(live, 'raw'))} raw, ${live.length} files)`,
      baseline: `${kb(pageGzip)} first load`,
      ratio: sum(live, 'gzip') / pageGzip,
      target: 'none',
    },
    {
      figure: `${SETTINGS.todos} todos on screen, cold`,
      value: ms(listMs),
      baseline: `${ms(blankMs)} blank page load`,
      ratio: listMs / blankMs,
      target: 'none',
    },
  ];
  const api = files.filter(isApi);
  const report = renderReport({
    title: 'todolist site benchmark',
    machine,
    method: [
      `Chromium ${browser.version()} headless, against the local gateway on loopback with ${SETTINGS.todos} todos; every load in a fresh browser context (cold cache)`,
      `bytes: each response body of one first load of the page as uploaded (index.html, css/, js/ minified by esbuild: site/deploy/prepare-upload.mjs, which the CDK app runs), gzipped with zlib level 9 (the local gateway sends them uncompressed; CloudFront compresses in front of the deployment)`,
      `time: navigation start to ${SETTINGS.todos} <li> in the list, by a MutationObserver in the page; blank page: navigation start to loadEventEnd; median of ${SETTINGS.runs} runs each after one discarded pair, alternating`,
    ],
    rows,
    details: [
      'files of the first load (raw → gzip):',
      ...files.map(
        (file) =>
          `  ${file.path.padEnd(32)} ${kb(file.raw).padStart(9)} → ${kb(file.gzip).padStart(8)}${file.afterList ? '  (after the list is on screen)' : ''}`,
      ),
    ],
    notes: [
      `the API's answers are data, not page: ${api.length} call(s), ${kb(sum(api, 'raw'))} raw, ${kb(sum(api, 'gzip'))} gzip, for ${SETTINGS.todos} todos`,
      `the same files with brotli (what CloudFront sends a browser that accepts br): ${kb(pageBrotli)}`,
      `the page as written (unminified, as npm start serves it): ${kb(sum(unminified, 'gzip'))} gzip in all, SDK included (${kb(sum(unminified, 'raw'))} raw)`,
      `where the time goes (medians, from navigation start): SDK bundle in at ${ms(median(phases.map((p) => p.sdkEnd)))}, list call sent at ${ms(median(phases.map((p) => p.listStart)))}, answered at ${ms(median(phases.map((p) => p.listEnd)))}, ${SETTINGS.todos} todos on screen at ${ms(listMs)}`,
      `middle half of runs: ${ms(quantile(listTimes, 0.25))}–${ms(quantile(listTimes, 0.75))} for the list, ${ms(quantile(blankTimes, 0.25))}–${ms(quantile(blankTimes, 0.75))} for the blank page`,
    ],
    reproduce:
      'npm run bench -w @todolist/site   (after `npm run build -w @todolist/sdk`; or `npm run bench` at the root)',
  });
  process.stdout.write(`${report}\n`);
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

await runBenchmark(run);
