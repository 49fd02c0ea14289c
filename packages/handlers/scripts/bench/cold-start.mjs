// Part c: a fresh node process that loads a route bundle and handles one request, beside `node -e 0`.
import { fileURLToPath } from 'node:url';
import { timeNode } from '@todolist/bench-kit/processes';

const PROBE = fileURLToPath(new URL('./cold-start-probe.mjs', import.meta.url));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Median cold start of `bundlePath` handling a getTodo for `id`, as its owner `ownerId` (the
 * authorizer's `sub`), and median `node -e 0`, run alternately `runs` times each after one
 * discarded pair (which warms the file cache). `children` tracks the processes alive, so an
 * interrupted run can stop them.
 */
export async function measureColdStart({ bundlePath, id, ownerId, handlerEnv, runs, children }) {
  const env = { PATH: process.env.PATH ?? '', ...handlerEnv };
  const bare = [];
  const handled = [];
  for (let run = -1; run < runs; run++) {
    const baseline = await timeNode(['-e', '0'], { env, children });
    const probe = await timeNode([PROBE, bundlePath, id, ownerId], { env, children });
    if (probe.output !== '200') throw new Error(`the cold-start probe answered "${probe.output}", not 200`);
    if (run < 0) continue;
    bare.push(baseline.ms);
    handled.push(probe.ms);
  }
  return { ms: median(handled), baselineMs: median(bare), samples: { handled, bare } };
}
