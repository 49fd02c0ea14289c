// The local gateway of @todolist/local as a user runs it: `node dist/main.mjs`, a process of its
// own with dynalite on disk, on a random loopback port.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildOnce } from './build-once.mjs';
import { stopProcess, track } from './processes.mjs';
import { signInToGateway } from './sign-in.mjs';

const READY_LINE = /todolist is running at http:\/\/[^:/]+:(\d+)/;
const READY_TIMEOUT_MS = 20_000;

// The gateway and what it runs, in this repository's layout.
const HANDLERS_ROOT = fileURLToPath(new URL('../../packages/handlers/', import.meta.url));
const LOCAL_ROOT = fileURLToPath(new URL('../../packages/local/', import.meta.url));

/**
 * The path of the built gateway (packages/local/dist/main.mjs), building what it needs once first
 * if it is missing ({@link buildOnce}, under the same pid lock files as the packages' tests):
 * the handlers' route bundles, which the gateway runs, then the gateway. turbo builds a package
 * before its benchmark, not these. The builds' output goes to stderr, so stdout stays the report.
 * @example
 * const mainPath = await ensureGatewayBuilt(children, log);
 */
export async function ensureGatewayBuilt(children, log) {
  const build = (packageRoot, outputs, lockName) =>
    buildOnce({
      packageRoot,
      outputs,
      lockName,
      log,
      children,
      onOutput: (chunk) => process.stderr.write(chunk),
    });
  await build(HANDLERS_ROOT, ['dist/lambda/getTodo/index.mjs', 'dist/index.mjs'], 'todolist-handlers-build');
  // The gateway, and the test stack sign-in.mjs imports.
  await build(LOCAL_ROOT, ['dist/main.mjs', 'dist/testing.mjs'], 'todolist-local-build');
  return `${LOCAL_ROOT}dist/main.mjs`;
}

/**
 * Spawns the built gateway at `mainPath` with its data in `dataDir` and resolves once it prints its
 * ready line. The child is in `children` from spawn to exit, so an interrupted run can stop it
 * even before it is ready.
 * @param {{ throttle?: boolean, siteDir?: string }} [options] `throttle`: keep the stage throttle
 *   (1000 req/s) on; thousands of calls back to back would otherwise meet it. @default true.
 *   `siteDir`: serve the page from this folder instead of the repository's site/.
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, output: () => string, signIn: (email?: string, options?: { clientId?: string }) => ReturnType<typeof signInToGateway> }>}
 *   `signIn`: signs a person in to this gateway ({@link signInToGateway}); every /v1/todos request
 *   needs their `authorization`.
 * @example
 * const gateway = await startGatewayProcess(mainPath, join(work, 'gateway'), children, { throttle: false });
 * resources.adopt(gateway, () => stopProcess(gateway.child));
 * const { authorization } = await gateway.signIn('bench@example.com');
 */
export async function startGatewayProcess(mainPath, dataDir, children, { throttle = true, siteDir } = {}) {
  const child = track(
    children,
    spawn(process.execPath, [mainPath], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        TODOLIST_DATA_DIR: dataDir,
        ...(throttle ? {} : { THROTTLE_RATE_LIMIT: '0' }),
        ...(siteDir ? { TODOLIST_SITE_DIR: siteDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const collect = (chunk) => {
    output += chunk;
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the gateway did not get ready in ${READY_TIMEOUT_MS} ms:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const onData = () => {
        const found = READY_LINE.exec(output);
        if (!found) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(Number(found[1]));
      };
      child.stdout.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited (${signal ?? code}) before it was ready:\n${output}`));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      child,
      output: () => output,
      signIn: (email, options) => signInToGateway(mainPath, url, email, options),
    };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}
