// The bulk import's benchmark (`npm run bench` runs it after scripts/bench.mjs): how fast and how
// lean `todo import` is, each figure beside its baseline measured in the same run on the same
// machine, every side against a fresh store with its data on disk in a temp folder:
//   a. wall time of `todo import rows.csv --progress none` for 10,000 rows (title, notes, due,
//      priority, tags), spawn to exit, against the local gateway; beside the same 10,000 todos
//      created one by one through the SDK (client.todos.create, 8 in flight), and beside the same
//      items written straight to dynalite with BatchWriteItem (25 per call, 4 in flight), and with a
//      conditional PutItem each (25 in flight), as the import's store writes them;
//   b. peak memory (max RSS) of the `todo import` process for 100,000 rows beside 10,000 rows:
//      the import streams, so ten times the rows must not take ten times the memory.
// It runs the built code (dist/), so build first: `node scripts/build.mjs` here and in
// packages/sdk (turbo does it before `npm run bench` at the root). The handlers' gateway is built
// once if it is missing. A missed target is reported, not failed: the exit code is 0 unless the
// benchmark itself could not run.
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureGatewayBuilt, startGatewayProcess } from '@todolist/bench-kit/gateway';
import { stopProcess } from '@todolist/bench-kit/processes';
import { describeMachine, ms, renderReport } from '@todolist/bench-kit/report';
import { log, runBenchmark, SetupError } from '@todolist/bench-kit/run';
import { createOneByOne, writeStraightToDynalite } from './bench/import-baselines.mjs';
import { maxRssMethod, measureNode } from './bench/import-measure.mjs';
import { benchCsv } from './bench/import-rows.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sdkEntry = resolve(root, '../sdk/dist/esm/index.js');
const BIN = join(root, 'bin/todo.js');
const ENTRY_CHUNK = join(root, 'dist/todo.js');

const SETTINGS = { rows: 10_000, largeRows: 100_000, sdkInFlight: 8 };
const TARGETS = { minSpeedupOverSdk: 10, minShareOfDynalite: 0.5, maxMemoryRatio: 1.5 };

function readOptions() {
  try {
    const { values } = parseArgs({ options: { rows: { type: 'string' } } });
    const rows = values.rows === undefined ? SETTINGS.rows : Number(values.rows);
    if (!Number.isInteger(rows) || rows < 100)
      throw new Error(`--rows must be a whole number from 100 (got ${values.rows})`);
    return { rows, largeRows: rows * (SETTINGS.largeRows / SETTINGS.rows) };
  } catch (error) {
    throw new SetupError(`${error.message}; usage: node scripts/bench-import.mjs [--rows <n>]`);
  }
}

async function checkBuilt() {
  for (const [file, pkg] of [
    [ENTRY_CHUNK, 'packages/cli'],
    [sdkEntry, 'packages/sdk'],
  ]) {
    await access(file).catch(() => {
      throw new SetupError(
        `${relative(process.cwd(), file)} is missing: build it first (\`node scripts/build.mjs\` in ${pkg}), or run \`npm run bench\` at the root, which builds first`,
      );
    });
  }
}

const count = (value) => value.toLocaleString('en-US');
const rate = (items, elapsedMs) => (items / elapsedMs) * 1000;
const perSecond = (items, elapsedMs) => `${count(Math.round(rate(items, elapsedMs)))}/s`;
const mb = (kilobytes) => `${(kilobytes / 1024).toFixed(1)} MB`;

async function run({ resources, children }) {
  const options = readOptions();
  await checkBuilt();
  const machine = describeMachine();
  const gatewayMain = await ensureGatewayBuilt(children, log);
  const work = await resources.makeTempDir('todolist-cli-bench-import-');

  // A fresh gateway, its data on disk in a folder of its own, for each measurement, and a person
  // signed in to it through the CLI's app client: the gateway refuses requests without a token.
  let gateways = 0;
  const withGateway = async (measure) => {
    const gateway = await startGatewayProcess(gatewayMain, join(work, `gateway-${++gateways}`), children, {
      throttle: false,
    });
    resources.adopt(gateway, () => stopProcess(gateway.child));
    try {
      const { accessToken } = await gateway.signIn('bench@example.com', { clientId: 'todolist-cli' });
      return await measure(gateway.url, accessToken);
    } finally {
      await stopProcess(gateway.child);
    }
  };

  /** `todo import <csv> --progress none` against a fresh gateway; checks every row came in new. */
  const importFile = (csv, rows) =>
    withGateway(async (url, accessToken) => {
      // Only what the CLI reads, with a config and cache (the import's journal) of this run alone.
      const env = {
        PATH: process.env.PATH ?? '',
        TODO_CONFIG_DIR: join(work, `config-${gateways}`),
        TODO_API_URL: url,
        TODO_TOKEN: accessToken,
      };
      const result = await measureNode([BIN, 'import', csv, '--progress', 'none'], {
        cwd: work,
        env,
        children,
        work,
      });
      const expected = `Imported ${count(rows).replaceAll(',', '')} todos from ${csv}: ${rows} new.`;
      if (!result.stderr.includes(expected))
        throw new Error(`todo import did not report ${rows} new todos:\n${result.stdout}${result.stderr}`);
      return result;
    });

  log(`generating ${count(options.rows)} and ${count(options.largeRows)} CSV rows`);
  const csv = join(work, 'rows.csv');
  const largeCsv = join(work, 'rows-large.csv');
  await writeFile(csv, benchCsv(options.rows));
  await writeFile(largeCsv, benchCsv(options.largeRows));

  log(`a. todo import of ${count(options.rows)} rows, against a fresh gateway`);
  const imported = await importFile(csv, options.rows);
  log(
    `a. ${count(options.rows)} todos created one by one through the SDK, ${SETTINGS.sdkInFlight} in flight`,
  );
  const oneByOne = await withGateway((url, accessToken) =>
    createOneByOne({ sdkEntry, url, accessToken, count: options.rows, inFlight: SETTINGS.sdkInFlight }),
  );
  log(`a. ${count(options.rows)} items written straight to dynalite, 25 per BatchWriteItem, 4 in flight`);
  const dynaliteDir = join(work, 'dynalite');
  await mkdir(dynaliteDir);
  const direct = await writeStraightToDynalite({ gatewayMain, dataDir: dynaliteDir, count: options.rows });
  await direct.stop();
  log(
    `a. ${count(options.rows)} items written straight to dynalite, a conditional PutItem each, 25 in flight`,
  );
  const conditionalDir = join(work, 'dynalite-conditional');
  await mkdir(conditionalDir);
  const conditional = await writeStraightToDynalite({
    gatewayMain,
    dataDir: conditionalDir,
    count: options.rows,
    mode: 'conditional',
  });
  await conditional.stop();

  log(`b. todo import of ${count(options.largeRows)} rows, against a fresh gateway`);
  const large = await importFile(largeCsv, options.largeRows);

  const speedup = oneByOne.ms / imported.ms;
  const share = rate(options.rows, imported.ms) / rate(options.rows, direct.ms);
  const conditionalShare = rate(options.rows, imported.ms) / rate(options.rows, conditional.ms);
  const memoryRatio = large.maxRssKb / imported.maxRssKb;
  const importValue = `${ms(imported.ms)} (${perSecond(options.rows, imported.ms)})`;
  const rows = [
    {
      figure: `todo import, ${count(options.rows)} rows vs SDK create`,
      value: importValue,
      baseline: `${ms(oneByOne.ms)} (${perSecond(options.rows, oneByOne.ms)}) create x${SETTINGS.sdkInFlight}`,
      ratio: speedup,
      target: `speedup >= ${TARGETS.minSpeedupOverSdk}`,
      pass: speedup >= TARGETS.minSpeedupOverSdk,
    },
    {
      figure: `todo import, ${count(options.rows)} rows vs dynalite`,
      value: importValue,
      baseline: `${ms(direct.ms)} (${perSecond(options.rows, direct.ms)}) BatchWrite`,
      ratio: share,
      target: `rate share >= ${TARGETS.minShareOfDynalite}`,
      pass: share >= TARGETS.minShareOfDynalite,
    },
    {
      figure: `todo import, ${count(options.rows)} rows vs dynalite, conditional`,
      value: importValue,
      baseline: `${ms(conditional.ms)} (${perSecond(options.rows, conditional.ms)}) PutItem if absent`,
      ratio: conditionalShare,
      target: `rate share >= ${TARGETS.minShareOfDynalite}`,
      pass: conditionalShare >= TARGETS.minShareOfDynalite,
    },
    {
      figure: `todo import max RSS, ${count(options.largeRows)} rows`,
      value: mb(large.maxRssKb),
      baseline: `${mb(imported.maxRssKb)} ${count(options.rows)} rows`,
      ratio: memoryRatio,
      target: `ratio <= ${TARGETS.maxMemoryRatio}`,
      pass: memoryRatio <= TARGETS.maxMemoryRatio,
    },
  ];
  const notes = [
    `todo import of ${count(options.largeRows)} rows took ${ms(large.ms)} (${perSecond(options.largeRows, large.ms)}); its time includes node's start, reading the CSV and the gateway's writes`,
    `the dynalite baselines time the writes alone (dynalite in this process, table made first); the import's time is the whole command, spawn to exit`,
    `the import writes each item with a PutItem conditional on its absence, so that an import racing another or a PATCH never overwrites a todo: BatchWriteItem cannot be conditional; the conditional baseline is the engine's rate for those same writes`,
  ];
  const report = renderReport({
    title: 'todolist CLI bulk import benchmark',
    machine,
    method: [
      `each side against a fresh store with its data on disk in a temp folder; the gateway is packages/local/dist/main.mjs with THROTTLE_RATE_LIMIT=0`,
      `import: wall time from spawn to exit of node bin/todo.js import rows.csv --progress none (one run); peak memory by ${maxRssMethod()}`,
    ],
    rows,
    notes,
    reproduce:
      'node scripts/bench-import.mjs in packages/cli, after building packages/sdk and packages/cli (`npm run bench -w @todolist/cli` runs it after the startup benchmark)',
  });
  process.stdout.write(`${report}\n`);
}

await runBenchmark(run);
