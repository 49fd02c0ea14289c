// Where a short command spends its time: V8's CPU profile (`node --cpu-prof`) of a few runs, the
// self time of each function put down to what it belongs to: a package in the bundle (through
// the chunk's source map), Node's module loader, other built-in modules, or garbage collection.
// An empty ES module is profiled alike, so what the command adds to any `node file.mjs` stands out.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { track } from '@todolist/bench-kit/processes';
import { moduleGroup, readChunkMap } from './source-map.mjs';

// Finer sampling slows the profiled process more than it sharpens a 100 ms run.
const INTERVAL_MICROSECONDS = 500;
const SHOWN_ROWS = 18;

/** The label a profile node's self time counts under. */
function labelFor(callFrame, chunkMaps) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 and native code (parsing, compiling, I/O)';
    return functionName === '(idle)' ? '(idle)' : `native ${functionName || '(anonymous)'}`;
  }
  if (url.startsWith('node:internal/modules/')) return "node's module loader (resolving, reading, linking)";
  // realm.js is the loader of built-in modules: it compiles those not in node's startup snapshot.
  if (url === 'node:internal/bootstrap/realm') return 'compiling built-in modules';
  // Vendored dependencies by name: undici is fetch, and loading it is much of a first request.
  if (url.startsWith('node:internal/deps/')) return url.replace(/^(node:internal\/deps\/[^/]+)\/.*/, '$1');
  if (url.startsWith('node:')) return url.replace(/^node:internal\/([^/]+)\/.*/, 'node:internal/$1/*');
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const chunk = chunkMaps.get(path);
  if (!chunk) return basename(path);
  const source = chunk.sourceAt(lineNumber, columnNumber);
  // The scope-hoisted top level of a chunk runs every module's top-level code in one function.
  return source ? moduleGroup(source) : `${basename(path)}: top level (every module's top-level code)`;
}

/** Self time in ms per label, summed over one profile. */
function selfTimes(profile, chunkMaps) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map();
  profile.samples.forEach((id, index) => {
    const label = labelFor(nodes.get(id).callFrame, chunkMaps);
    times.set(label, (times.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

async function profileOnce(args, { cwd, env, folder, children }) {
  const child = track(
    children,
    spawn(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-interval=${INTERVAL_MICROSECONDS}`, `--cpu-prof-dir=${folder}`, ...args],
      { cwd, env, stdio: 'ignore' },
    ),
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`node --cpu-prof ${args.join(' ')} exited with ${code}`);
}

/** Mean self time per label over `runs` profiles of `node ...args`. */
async function meanSelfTimes(args, { runs, chunkMaps, ...options }) {
  const folder = await mkdtemp(join(options.work, 'cpu-prof-'));
  try {
    for (let run = 0; run < runs; run++) await profileOnce(args, { ...options, folder });
    const totals = new Map();
    const files = (await readdir(folder)).filter((file) => file.endsWith('.cpuprofile'));
    for (const file of files) {
      const profile = JSON.parse(await readFile(join(folder, file), 'utf8'));
      for (const [label, ms] of selfTimes(profile, chunkMaps))
        totals.set(label, (totals.get(label) ?? 0) + ms);
    }
    return new Map([...totals].map(([label, ms]) => [label, ms / files.length]));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Mean profiled time per label for `node ...args` and for `node <baselineFile>`, `runs` of each,
 * largest difference first, the smallest lumped together. `chunkPaths` are the built chunks whose
 * source maps name the packages.
 */
export async function profileCommand({ args, baselineFile, chunkPaths, runs, cwd, env, work, children }) {
  const chunkMaps = new Map();
  for (const path of chunkPaths) chunkMaps.set(path, await readChunkMap(path));
  const options = { runs, chunkMaps, cwd, env, work, children };
  const command = await meanSelfTimes(args, options);
  const bare = await meanSelfTimes([baselineFile], options);
  const labels = new Set([...command.keys(), ...bare.keys()]);
  labels.delete('(idle)');
  const rows = [...labels]
    .map((label) => ({ label, commandMs: command.get(label) ?? 0, bareMs: bare.get(label) ?? 0 }))
    .sort((a, b) => b.commandMs - b.bareMs - (a.commandMs - a.bareMs));
  const total = (list, key) => list.reduce((sum, row) => sum + row[key], 0);
  // The largest additions, and whatever takes long in both (V8's own work, say).
  const shown = rows.filter((row, index) => index < SHOWN_ROWS || row.commandMs >= 5);
  const rest = rows.filter((row) => !shown.includes(row));
  return {
    runs,
    rows: [
      ...shown,
      ...(rest.length > 0
        ? [
            {
              label: `${rest.length} others`,
              commandMs: total(rest, 'commandMs'),
              bareMs: total(rest, 'bareMs'),
            },
          ]
        : []),
    ],
    commandMs: total(rows, 'commandMs'),
    bareMs: total(rows, 'bareMs'),
  };
}
