// The CLI's benchmark (`npm run bench`): how long a person waits for `todo`, each figure beside
// `node -e 0` measured in the same run on the same machine, alternating run by run:
//   a. `todo --version` and `todo --help`, which must not load the SDK, prompts or CSV code;
//   b. an empty ES module, the floor any `node file.mjs` pays (the CLI is ES modules), to read a and c by;
//   c. `todo list` against the local gateway seeded with 50 todos: a whole command, SDK included;
//   d. `todo mcp` until it answers `initialize`, what an MCP client waits for before its first call.
// When --version misses its target (or with --explain), it also says what startup loads: the
// entry chunk by package (from the source maps), the built-in modules it pulls in and a CPU
// profile of `todo --version`; with --explain, a CPU profile of `todo list` too.
// It runs the built code (dist/), so build first: `node scripts/build.mjs` (turbo does it before
// `npm run bench` at the root). The handlers' gateway is built once if it is missing. A missed
// target is reported, not failed: the exit code is 0 unless the benchmark itself could not run.
import { readFileSync } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureGatewayBuilt, startGatewayProcess } from '@todolist/bench-kit/gateway';
import { stopProcess } from '@todolist/bench-kit/processes';
import { describeMachine, ms, renderReport } from '@todolist/bench-kit/report';
import { log, runBenchmark, SetupError } from '@todolist/bench-kit/run';
import { explainList, explainStartup } from './bench/explain.mjs';
import { timeMcpInitialize } from './bench/mcp-startup.mjs';
import { seedTodos } from './bench/seed.mjs';
import { measureAgainstBareNode, median, quantile } from './bench/startup.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(root, 'bin/todo.js');
const ENTRY_CHUNK = join(root, 'dist/todo.js');
const { version: VERSION } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const SETTINGS = { runs: 15, seed: 50, profileRuns: 5 };
const TARGETS = { maxVersionRatio: 2, maxMcpRatio: 2 };

function readOptions() {
  try {
    const { values } = parseArgs({
      options: { explain: { type: 'boolean', default: false }, runs: { type: 'string' } },
    });
    const runs = values.runs === undefined ? SETTINGS.runs : Number(values.runs);
    if (!Number.isInteger(runs) || runs < 3)
      throw new Error(`--runs must be a whole number from 3 (got ${values.runs})`);
    return { explain: values.explain, runs };
  } catch (error) {
    throw new SetupError(`${error.message}; usage: node scripts/bench.mjs [--explain] [--runs <n>]`);
  }
}

async function checkBuilt() {
  await access(ENTRY_CHUNK).catch(() => {
    throw new SetupError(
      `${relative(process.cwd(), ENTRY_CHUNK)} is missing: build the CLI first (\`node scripts/build.mjs\` in packages/cli), or run \`npm run bench\` at the root, which builds first`,
    );
  });
}

/** Each command's proof that it did its job, so a quick failure is never timed as a quick start. */
const checks = {
  version: (stdout) => {
    if (stdout.trim() !== VERSION)
      throw new Error(`todo --version printed "${stdout.trim()}", not ${VERSION}`);
  },
  empty: (stdout) => {
    if (stdout !== '') throw new Error(`an empty module printed "${stdout}"`);
  },
  help: (stdout) => {
    if (!stdout.startsWith('Usage: todo')) throw new Error(`todo --help printed no usage:\n${stdout}`);
  },
  mcp: (stdout) => {
    if (JSON.parse(stdout).result?.serverInfo?.name !== 'todolist')
      throw new Error(`todo mcp answered initialize with ${stdout}`);
  },
  list: (stdout) => {
    const rows = stdout.trimEnd().split('\n');
    if (rows.length !== SETTINGS.seed + 1 || !rows[0]?.startsWith('#'))
      throw new Error(`todo list printed ${rows.length - 1} rows, not ${SETTINGS.seed}:\n${stdout}`);
  },
};

function row(figure, result, target) {
  const ratio = result.ms / result.baselineMs;
  return {
    figure,
    value: ms(result.ms),
    baseline: `${ms(result.baselineMs)} node -e 0`,
    ratio,
    target: target ? `ratio <= ${target}` : 'none',
    ...(target ? { pass: ratio <= target } : {}),
  };
}

/** The spread behind each median, and what a command adds to a bare node. */
function spreadNote(figure, result) {
  const { command, bare } = result.samples;
  const range = (values) => `${ms(quantile(values, 0.25))}–${ms(quantile(values, 0.75))}`;
  const added = result.ms - result.baselineMs;
  return `${figure}: ${added >= 0 ? '+' : '-'}${ms(Math.abs(added))} over node -e 0; middle half of runs ${range(command)} (node -e 0 ${range(bare)})`;
}

/** Median time of the one request `todo list` makes, fetched from this process: the network's share. */
async function timeListRequest(url, authorization, runs) {
  const times = [];
  for (let run = -1; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/todos?status=open&limit=100`, { headers: { authorization } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET /v1/todos answered ${response.status}`);
    if (run >= 0) times.push(performance.now() - started);
  }
  return median(times);
}

async function run({ resources, children }) {
  const options = readOptions();
  const settings = { ...SETTINGS, runs: options.runs };
  await checkBuilt();
  const machine = describeMachine();
  const gatewayMain = await ensureGatewayBuilt(children, log);
  const work = await resources.makeTempDir('todolist-cli-bench-');

  // Only what the CLI reads: no profile, token or colour setting of the person running the benchmark.
  const cliEnv = { PATH: process.env.PATH ?? '', TODO_CONFIG_DIR: join(work, 'config') };
  const measure = (args, check, env = cliEnv, time = undefined) =>
    measureAgainstBareNode({ args, check, runs: settings.runs, cwd: root, env, children, time });
  const emptyModule = join(work, 'empty.mjs');
  await writeFile(emptyModule, '');

  log(
    `a. startup: ${settings.runs + 1} runs each of todo --version and todo --help, alternating with node -e 0`,
  );
  const version = await measure([BIN, '--version'], checks.version);
  const help = await measure([BIN, '--help'], checks.help);
  log(`b. ${settings.runs + 1} runs of an empty ES module, alternating with node -e 0`);
  const empty = await measure([emptyModule], checks.empty);
  log(`d. ${settings.runs + 1} runs of todo mcp until it answers initialize, alternating with node -e 0`);
  const mcp = await measure([BIN, 'mcp'], checks.mcp, cliEnv, timeMcpInitialize);

  log(`c. starting the gateway and seeding ${settings.seed} todos for todo list`);
  const gateway = await startGatewayProcess(gatewayMain, join(work, 'gateway'), children, {
    throttle: false,
  });
  resources.adopt(gateway, () => stopProcess(gateway.child));
  // One person, signed in to the CLI's app client: the seeding and `todo list` (through TODO_TOKEN)
  // see the same todos.
  const { accessToken, authorization } = await gateway.signIn('bench@example.com', {
    clientId: 'todolist-cli',
  });
  await seedTodos(gateway.url, settings.seed, authorization);
  const listEnv = { ...cliEnv, TODO_API_URL: gateway.url, TODO_TOKEN: accessToken };
  log(`c. ${settings.runs + 1} runs of todo list, alternating with node -e 0`);
  const list = await measure([BIN, 'list'], checks.list, listEnv);
  const requestMs = await timeListRequest(gateway.url, authorization, settings.runs);
  const explaining = { root, bin: BIN, emptyModule, work, children, runs: SETTINGS.profileRuns, log };
  const listExplained = options.explain
    ? await explainList({ ...explaining, env: listEnv, title: `todo list (${settings.seed} todos)` })
    : [];
  await stopProcess(gateway.child); // so it takes no CPU from the profile of --version

  const rows = [
    row('todo --version', version, TARGETS.maxVersionRatio),
    row('todo --help', help),
    row(`todo list (${settings.seed} todos)`, list),
    row('todo mcp (to its initialize answer)', mcp, TARGETS.maxMcpRatio),
    row('node empty.mjs (floor)', empty),
  ];
  const notes = [
    spreadNote('todo --version', version),
    spreadNote('todo --help', help),
    spreadNote('todo list', list),
    spreadNote('todo mcp', mcp),
    spreadNote('node empty.mjs', empty),
    `todo list makes one request, GET /v1/todos?status=open&limit=100; fetched from this process it takes ${ms(requestMs)} (median)`,
  ];
  // The breakdown is of what every run loads: it explains --version, not the MCP SDK's share.
  const missed = rows[0].pass === false;
  const explain = [
    ...(options.explain || missed ? await explainStartup({ ...explaining, env: cliEnv }) : []),
    ...(listExplained.length > 0 ? ['', ...listExplained] : []),
  ];
  const report = renderReport({
    title: 'todolist CLI benchmark',
    machine,
    method: [
      `startup: wall time from spawn to exit of node bin/todo.js (stdout a pipe; for todo mcp, to its answer to initialize), median of ${settings.runs} runs each after one discarded pair, alternating run by run with node -e 0; list against the local gateway with ${settings.seed} todos seeded`,
    ],
    rows,
    notes,
    appendix: explain,
    reproduce:
      'npm run bench -w @todolist/cli   (or `npm run bench` at the root, which builds first; add `-- --explain` for the breakdown)',
  });
  process.stdout.write(`${report}\n`);
}

await runBenchmark(run);
