// The SDK's benchmarks (`npm run bench`), each figure beside a baseline measured in the same run on
// the same machine:
//   a. the browser bundle (dist/browser/todolist-sdk.min.js) minified and gzipped, beside ky alone
//      built the same way, with its bytes broken down by package, minified and gzipped;
//   b. the median latency of client.todos.get and client.todos.list against the local gateway,
//      beside a bare fetch of the same route;
//   c. quick add's parse time per phrase of its table, beside splitting the same text into words
//      (scripts/bench/quick-add.mjs, which also runs alone).
// It runs the built code (dist/), so build first: `node scripts/build.mjs` (turbo does it before
// `npm run bench` at the root). The handlers' gateway is built once if it is missing. A missed
// target is reported, not failed: the exit code is 0 unless the benchmark itself could not run.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGatewayBuilt, startGatewayProcess } from '@todolist/bench-kit/gateway';
import { stopProcess } from '@todolist/bench-kit/processes';
import { describeMachine, ms as formatMs, kb, renderReport } from '@todolist/bench-kit/report';
import { log, runBenchmark, SetupError } from '@todolist/bench-kit/run';
import { measureBundle } from './bench/bundle-size.mjs';
import { MEASURED_CALLS, measureOverhead } from './bench/overhead.mjs';
import { measureQuickAdd, QUICK_ADD_METHOD, quickAddNote, quickAddRows } from './bench/quick-add.mjs';
import { renderBreakdown } from './bench/report.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ESM_ENTRY = join(root, 'dist/esm/index.js');
const CONTRACT_ENTRY = join(root, 'dist/esm/contract/index.js');
// The browser bundle's own entry (src/browser.ts: the SDK with zod set up for pages) when the
// build has one; the breakdown is rebuilt from it.
const BROWSER_ENTRY = join(root, 'dist/esm/browser.js');
const BROWSER_BUNDLE = join(root, 'dist/browser/todolist-sdk.min.js');

const SETTINGS = { seed: 50, warmupCalls: 300, rounds: 8, callsPerRound: 300 };
// The bundle's target is issue 20's: the page's first load has a 40 KB gzip budget.
const TARGETS = { maxBundleGzipKb: 20, maxOverheadRatio: 1.2 };

// A call to the local gateway takes about a millisecond: three decimals tell the two sides apart.
const ms = (value) => formatMs(value, 3);

/** The built files the benchmark runs, or an error saying how to build them. */
function checkBuilt() {
  const missing = [ESM_ENTRY, BROWSER_BUNDLE].find((path) => !existsSync(path));
  if (missing) {
    throw new SetupError(
      `${relative(process.cwd(), missing)} is missing: build the SDK first (\`node scripts/build.mjs\` in packages/sdk), or run \`npm run bench\` at the root, which builds first`,
    );
  }
}

function bundleRow(bundle) {
  return {
    figure: 'browser bundle, gzip -9',
    value: `${kb(bundle.gzipBytes)} (${kb(bundle.bytes)} min)`,
    baseline: `${kb(bundle.ky.gzipBytes)} (${kb(bundle.ky.bytes)} min) ky alone`,
    ratio: bundle.gzipBytes / bundle.ky.gzipBytes,
    target: `<= ${TARGETS.maxBundleGzipKb} KB gzip`,
    pass: bundle.gzipBytes <= TARGETS.maxBundleGzipKb * 1024,
  };
}

function overheadRows(overhead) {
  return Object.entries(MEASURED_CALLS).map(([name, call]) => {
    const { sdk, bare } = overhead[name];
    const ratio = sdk.medianMs / bare.medianMs;
    return {
      figure: call.sdk,
      value: ms(sdk.medianMs),
      baseline: `${ms(bare.medianMs)} ${call.bare}`,
      ratio,
      target: `ratio <= ${TARGETS.maxOverheadRatio}`,
      pass: ratio <= TARGETS.maxOverheadRatio,
    };
  });
}

/** Notes that help read the figures: spread across rounds, p90s, failures, a stale bundle. */
function notesFor(bundle, overhead) {
  const notes = [];
  for (const name of Object.keys(MEASURED_CALLS)) {
    const { sdk, bare, roundRatios } = overhead[name];
    notes.push(
      `${name}: the SDK adds ${ms(sdk.medianMs - bare.medianMs)} a call (median); p90 ${ms(sdk.p90Ms)} vs ${ms(bare.p90Ms)}; ratio per round ${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}`,
    );
    for (const [side, result] of [
      ['SDK', sdk],
      ['bare', bare],
    ]) {
      if (result.failed > 0)
        notes.push(`${name} ${side}: ${result.failed} failed, not counted (${result.firstError})`);
    }
  }
  if (bundle.freshBytes !== bundle.comparableBytes) {
    notes.push(
      `dist/browser (${bundle.comparableBytes} B) differs from a fresh build of ${relative(root, bundle.entry)} (${bundle.freshBytes} B), so the breakdown may not match it: rebuild with \`node scripts/build.mjs\``,
    );
  }
  return notes;
}

async function run({ resources, children }) {
  checkBuilt();
  const machine = describeMachine();
  log('a. browser bundle size (building ky alone and the breakdown in memory)');
  const bundle = await measureBundle({
    bundlePath: BROWSER_BUNDLE,
    esmEntry: existsSync(BROWSER_ENTRY) ? BROWSER_ENTRY : ESM_ENTRY,
    contractEntry: CONTRACT_ENTRY,
    resolveDir: root,
  });

  const gatewayMain = await ensureGatewayBuilt(children, log);
  const work = await resources.makeTempDir('todolist-sdk-bench-');

  log('b. starting the gateway (node packages/handlers/dist/local/main.mjs) for the client overhead');
  const gateway = await startGatewayProcess(gatewayMain, join(work, 'gateway'), children, {
    throttle: false,
  });
  resources.adopt(gateway, () => stopProcess(gateway.child));
  // The gateway refuses requests without a bearer token: one person, signed in as the page does.
  const { accessToken } = await gateway.signIn('bench@example.com');
  const overhead = await measureOverhead({
    gatewayUrl: gateway.url,
    accessToken,
    sdkEntry: ESM_ENTRY,
    settings: SETTINGS,
    log,
  });

  log('c. quick add (dist/esm/quick-add) over its phrase table');
  const quickAdd = await measureQuickAdd();

  const rows = [bundleRow(bundle), ...overheadRows(overhead), ...quickAddRows(quickAdd)];
  const notes = [...notesFor(bundle, overhead), quickAddNote(quickAdd)];
  const report = renderReport({
    title: 'todolist SDK benchmark',
    machine,
    method: [
      'bundle: dist/browser/todolist-sdk.min.js as built, gzip level 9; ky alone built in memory with the same esbuild settings (scripts/browser-build.mjs)',
      QUICK_ADD_METHOD,
      `overhead: sequential calls (one in flight) against the local gateway, ${SETTINGS.seed} todos seeded, per figure ${SETTINGS.warmupCalls} warm-up calls + ${SETTINGS.rounds} rounds of ${SETTINGS.callsPerRound} calls, alternating call by call with its baseline; medians`,
    ],
    rows,
    details: renderBreakdown(bundle),
    notes,
    reproduce: 'npm run bench -w @todolist/sdk   (or `npm run bench` at the root, which builds first)',
  });
  process.stdout.write(`${report}\n`);
}

await runBenchmark(run);
