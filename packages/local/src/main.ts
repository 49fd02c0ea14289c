import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIVE_PATH, LIVE_TOKEN_PARAMETER, OAUTH_PATHS } from '@todolist/sdk/contract';
import { DataFolderInUseError } from './data/data-lock.js';
import type { ThrottleSettings } from './gateway/throttle.js';
import { startLocalStack } from './local-stack.js';

// `npm start`: the whole API on this machine. Settings come from the environment:
// PORT (3000), HOST (127.0.0.1), TODOLIST_DATA_DIR (.todolist), TODOLIST_SITE_DIR (the page's
// folder: the repository's site/), ALLOWED_ORIGINS (extra origins), MACHINE_OWNER (the owner a
// client-credentials client acts for; none by default), THROTTLE_RATE_LIMIT and THROTTLE_BURST_LIMIT (1000 and 2000; 0 turns
// throttling off).

function fail(message: string): never {
  process.stderr.write(`todolist: ${message}\n`);
  process.exit(1);
}

function readCount(name: string, fallback: number): number {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value))
    fail(`${name} must be a whole number, 0 or more (got "${raw}")`);
  return value;
}

/** Stage throttling as API Gateway's, unless either limit is 0. */
function readThrottle(): ThrottleSettings | null {
  const rateLimit = readCount('THROTTLE_RATE_LIMIT', 1000);
  const burstLimit = readCount('THROTTLE_BURST_LIMIT', 2000);
  return rateLimit === 0 || burstLimit === 0 ? null : { rateLimit, burstLimit };
}

function readPort(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a port number, 0–65535 (got "${raw}")`);
  return port;
}

async function main(): Promise<void> {
  // Every file this process makes (dynalite's among them, as LevelDB writes new ones) is its
  // owner's alone: 0600, folders 0700. The data folder's existing files are set so at start.
  process.umask(0o077);
  const dataDir = resolve(process.env.TODOLIST_DATA_DIR ?? '.todolist');
  // The page lives in the repository's site/ folder, three levels up from dist/ or src/.
  const siteDir = process.env.TODOLIST_SITE_DIR
    ? resolve(process.env.TODOLIST_SITE_DIR)
    : fileURLToPath(new URL('../../../site/', import.meta.url));
  const port = readPort();
  const machineOwner = process.env.MACHINE_OWNER?.trim();
  const stack = await startLocalStack({
    dataDir,
    port,
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    ...(machineOwner ? { machineOwner } : {}),
    throttle: readThrottle(),
    siteDir,
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof DataFolderInUseError) fail(error.message);
    if (error.code === 'EADDRINUSE')
      fail(`port ${port} is already in use: stop what uses it, or set PORT to another port`);
    if (error.code === 'EACCES')
      fail(`not allowed to listen on port ${port}: choose a port above 1023 with PORT`);
    throw error;
  });
  for (const warning of stack.warnings) process.stderr.write(`todolist: warning: ${warning}\n`);
  // performance.now() counts from the process's start, so this includes loading the modules.
  const seconds = (performance.now() / 1000).toFixed(2);
  const shown = stack.url.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    `todolist is running at ${shown} (ready in ${seconds} s)\n` +
      `  page     ${shown}/\n` +
      `  API      ${shown}/v1/todos\n` +
      `  OpenAPI  ${shown}/v1/openapi.json\n` +
      `  live     ${shown.replace(/^http/, 'ws')}${LIVE_PATH}?${LIVE_TOKEN_PARAMETER}=<access token>\n` +
      `  sign-in  ${shown}${OAUTH_PATHS.authorize} (local, no password; the page's Sign in opens it)\n` +
      (stack.machineClient
        ? `  machine  client ${stack.machineClient.clientId} acts for ${stack.machineClient.owner}; ` +
          `its secret is in ${stack.dataFolder?.path('machineSecret')}\n`
        : '') +
      `  data     ${dataDir}\n` +
      'Press Ctrl-C to stop.\n',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping, finishing requests in flight…\n`);
    stack.close().then(
      () => {
        process.stdout.write('stopped; data saved.\n');
        process.exit(0);
      },
      (error: unknown) => fail(`could not stop cleanly: ${String(error)}`),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) =>
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`),
);
