// How long an MCP client waits for `todo mcp`: from spawn to the answer to `initialize`, the first
// thing every client sends. The server then stops when its stdin closes, as a client leaves it.
import { spawn } from 'node:child_process';
import { track } from '@todolist/bench-kit/processes';

const INITIALIZE = `${JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
})}\n`;

/**
 * Wall time from spawn of `node ...args` (`todo mcp`) to its first line on stdout, and that line
 * as `stdout`; rejects, with what it printed, when it ends before answering.
 * @param {string[]} args
 * @param {{ cwd?: string, env: NodeJS.ProcessEnv, children: Set<import('node:child_process').ChildProcess> }} options
 * @returns {Promise<{ ms: number, stdout: string }>}
 */
export function timeMcpInitialize(args, { cwd, env, children }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(
      children,
      spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] }),
    );
    let stdout = '';
    let stderr = '';
    let answered;
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (answered === undefined && stdout.includes('\n')) {
        answered = { ms: performance.now() - started, stdout: stdout.slice(0, stdout.indexOf('\n')) };
        child.stdin.end();
      }
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (answered && code === 0) resolve(answered);
      else
        reject(new Error(`node ${args.join(' ')} ended with ${signal ?? code} before answering:\n${stderr}`));
    });
    child.stdin.write(INITIALIZE);
  });
}
