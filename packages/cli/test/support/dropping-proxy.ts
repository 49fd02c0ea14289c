import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of the API that a test can point the CLI at. */
export interface DroppingProxy {
  url: string;
  close(): Promise<void>;
}

/** A proxy that passes every request on, and keeps each one's method and path, query included. */
export interface RecordingProxy extends DroppingProxy {
  /** `GET /v1/lists?archived=include&limit=100`, one a request, in the order they came. */
  readonly requests: readonly string[];
}

/** Passes each request on to `target`, unless `drop` says to cut its connection instead. */
async function startProxy(target: string, drop: (url: URL) => boolean): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server = createServer((incoming, answer) => {
    const url = new URL(incoming.url ?? '/', target);
    requests.push(`${incoming.method} ${url.pathname}${url.search}`);
    if (drop(url)) {
      incoming.socket.destroy();
      return;
    }
    const upstream = request(url, { method: incoming.method, headers: incoming.headers }, (reply) => {
      answer.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(answer);
    });
    upstream.on('error', () => answer.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Passes every request on to `target`, except that it cuts the connection of any request for a
 * later page of a list (one with a `cursor`): a network failing halfway through a long export.
 */
export function startPageDroppingProxy(target: string): Promise<DroppingProxy> {
  return startProxy(target, (url) => url.searchParams.has('cursor'));
}

/** Passes every request on to `target`, recording each: what a run asked the API for. */
export function startRecordingProxy(target: string): Promise<RecordingProxy> {
  return startProxy(target, () => false);
}
