import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of the API that a test can point the CLI at. */
export interface DroppingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Passes every request on to `target`, except that it cuts the connection of any request for a
 * later page of a list (one with a `cursor`): a network failing halfway through a long export.
 */
export async function startPageDroppingProxy(target: string): Promise<DroppingProxy> {
  const server = createServer((incoming, answer) => {
    const url = new URL(incoming.url ?? '/', target);
    if (url.searchParams.has('cursor')) {
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
