import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '@todolist/bench-kit/build-once';
import { signInLocally } from '@todolist/local/testing';

// The `todo` binary as npm installs it (packages/cli's bin/todo.js, running its dist/): the page
// is tested against the CLI a person runs, from the workspace beside it.
const cliRoot = fileURLToPath(new URL('../../../packages/cli/', import.meta.url));

/** What one run of `todo` printed, and its exit code. */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A person's `todo`: signed in as `email` (the CLI's client), with a settings folder of its own. */
export interface TodoCli {
  run(args: readonly string[]): Promise<CliRun>;
  /** Removes the settings folder. */
  remove(): Promise<void>;
}

/** Builds the CLI unless its dist/ is there, under the CLI tests' lock, so two builds never overlap. */
async function ensureCliBuilt(): Promise<void> {
  await buildOnce({
    packageRoot: cliRoot,
    outputs: [join(cliRoot, 'dist/todo.js')],
    lockName: 'todolist-cli-build',
    timeoutMs: 120_000,
  });
}

/** `todo` for the person with `email` on the gateway at `apiUrl` (TODO_API_URL, TODO_TOKEN). */
export async function todoCliFor(apiUrl: string, email: string): Promise<TodoCli> {
  await ensureCliBuilt();
  const { accessToken } = await signInLocally(apiUrl, email, { clientId: 'todolist-cli' });
  const home = await mkdtemp(join(tmpdir(), 'todolist-site-cli-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TODO_CONFIG_DIR: home,
    TODO_API_URL: apiUrl,
    TODO_TOKEN: accessToken,
  };
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(cliRoot, 'bin/todo.js'), ...args], {
          env,
          cwd: home,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const output = { stdout: '', stderr: '' };
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
        child.once('error', reject);
        child.once('close', (code) => resolve({ ...output, code }));
      }),
    remove: () => rm(home, { recursive: true, force: true }),
  };
}
