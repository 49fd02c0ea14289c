// One run of a node command timed from spawn to close, with the peak memory of that process: by
// GNU time (`/usr/bin/time -f %M`) when the machine has it, otherwise by a preloaded hook that
// reports process.resourceUsage().maxRSS on exit. Both give kilobytes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { track } from '@todolist/bench-kit/processes';

const GNU_TIME = '/usr/bin/time';
const HOOK = fileURLToPath(new URL('./import-maxrss-hook.mjs', import.meta.url));
const MARK = 'bench-maxrss-kb:';

/** How peak memory is measured on this machine, for the report. */
export const maxRssMethod = () =>
  existsSync(GNU_TIME)
    ? `${GNU_TIME} -f %M (max RSS of the node process)`
    : 'process.resourceUsage().maxRSS, reported on exit by a preloaded hook';

/**
 * Wall time and peak memory (KB) of `node ...args`, and what it printed. Rejects, with the
 * output, when it exits other than with code 0.
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, children: Set<import('node:child_process').ChildProcess>, work: string }} options
 * @returns {Promise<{ ms: number, maxRssKb: number, stdout: string, stderr: string }>}
 */
export function measureNode(args, { cwd, env, children, work }) {
  const useTime = existsSync(GNU_TIME);
  const rssFile = join(work, `maxrss-${process.hrtime.bigint()}.txt`);
  const [command, commandArgs, commandEnv] = useTime
    ? [GNU_TIME, ['-f', `${MARK}%M`, process.execPath, ...args], env]
    : [process.execPath, ['--import', HOOK, ...args], { ...env, BENCH_MAXRSS_FILE: rssFile }];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(
      children,
      spawn(command, commandArgs, { cwd, env: commandEnv, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const printed = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr']) {
      child[stream].setEncoding('utf8').on('data', (chunk) => {
        printed[stream] += chunk;
      });
    }
    child.once('error', reject);
    child.once('close', async (code, signal) => {
      const ms = performance.now() - started;
      let stderr = printed.stderr;
      let maxRssKb = Number.NaN;
      if (useTime) {
        const at = stderr.lastIndexOf(MARK);
        if (at >= 0) {
          maxRssKb = Number(stderr.slice(at + MARK.length).trim());
          stderr = stderr.slice(0, at);
        }
      } else maxRssKb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} ended with ${signal ?? code}:\n${printed.stdout}${stderr}`));
        return;
      }
      if (!Number.isFinite(maxRssKb)) {
        reject(new Error(`no peak memory was reported for node ${args.join(' ')}`));
        return;
      }
      resolve({ ms, maxRssKb, stdout: printed.stdout, stderr });
    });
  });
}
