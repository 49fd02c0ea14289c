// How long a command takes from spawn to exit, as a person typing it waits, beside `node -e 0`
// measured in the same loop: the two alternate run by run (which goes first swaps each time), so a
// machine that slows down during the run slows both sides of a ratio alike.
import { timeNode } from '@todolist/bench-kit/processes';

/** The value below which `fraction` of the sorted values lie (linear between neighbours). */
export function quantile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * fraction;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export const median = (values) => quantile(values, 0.5);

/**
 * Median wall time of `node ...args` and of `node -e 0`, `runs` times each after one discarded
 * pair (which warms the file cache). `check(stdout)` throws when the command did not do its job,
 * so a fast failure is never measured as a fast start. `children` tracks the processes alive, so
 * an interrupted run can stop them. `time` times the command: to its exit unless told otherwise.
 */
export async function measureAgainstBareNode({ args, check, runs, cwd, env, children, time = timeNode }) {
  const bare = [];
  const command = [];
  for (let run = -1; run < runs; run++) {
    const sides = [
      () => timeNode(['-e', '0'], { cwd, env, children }),
      () => time(args, { cwd, env, children }),
    ];
    if (run % 2 !== 0) sides.reverse();
    const first = await sides[0]();
    const second = await sides[1]();
    const [baseline, measured] = run % 2 !== 0 ? [second, first] : [first, second];
    check(measured.stdout);
    if (run < 0) continue;
    bare.push(baseline.ms);
    command.push(measured.ms);
  }
  return { ms: median(command), baselineMs: median(bare), samples: { command, bare } };
}
