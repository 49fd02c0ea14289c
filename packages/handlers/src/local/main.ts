import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFolderInUseError } from './data-lock.js';
import { startLocalStack } from './local-stack.js';

// `npm start`: the whole API on this machine. Settings come from the environment:
// PORT (3000), HOST (127.0.0.1), TODOLIST_DATA_DIR (.todolist), ALLOWED_ORIGINS (extra origins).

function fail(message: string): never {
  process.stderr.write(`todolist: ${message}\n`);
  process.exit(1);
}

function readPort(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a port number, 0–65535 (got "${raw}")`);
  return port;
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.TODOLIST_DATA_DIR ?? '.todolist');
  // The page lives in the repository's site/ folder, three levels up from dist/local/ or src/local/.
  const siteDir = fileURLToPath(new URL('../../../../site/', import.meta.url));
  const port = readPort();
  const stack = await startLocalStack({
    dataDir,
    port,
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
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
  // performance.now() counts from the process's start, so this includes loading the modules.
  const seconds = (performance.now() / 1000).toFixed(2);
  const shown = stack.url.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    `todolist is running at ${shown} (ready in ${seconds} s)\n` +
      `  API      ${shown}/v1/todos\n` +
      `  OpenAPI  ${shown}/v1/openapi.json\n` +
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
