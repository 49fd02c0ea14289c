/// <reference path="../types/dynalite.d.ts" />
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** How long closing waits for dynalite's requests under way before it cuts their connections. */
const CUT_AFTER_MS = 5_000;

/** A running dynalite server. */
export interface DynaliteServer {
  /** Its HTTP endpoint, for the AWS SDK's `endpoint`. */
  endpoint: string;
  /** Its HTTP server, in this process: the live pushes tap it for writes (src/live/write-tap.ts). */
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts dynalite, a DynamoDB engine on LevelDB, on a random loopback port. With `path` its data
 * lives on disk in that folder; without, in memory (for tests).
 */
export async function startDynalite(options: { path?: string } = {}): Promise<DynaliteServer> {
  // Tables are ACTIVE at once instead of after dynalite's default 500 ms of CREATING.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...options });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // dynalite closes its database once its HTTP server has closed. A query still reading
        // then throws from dynalite's value stream, where nothing can catch it (an uncaught
        // exception in the process): so requests under way finish first, idle connections close
        // now, and only those still open after a few seconds are cut.
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections?.();
        setTimeout(() => server.closeAllConnections?.(), CUT_AFTER_MS).unref();
      }),
  };
}
