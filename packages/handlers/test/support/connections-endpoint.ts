import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One post the endpoint took. */
export interface ReceivedPost {
  connectionId: string;
  body: string;
}

/**
 * A WebSocket stage's connection management endpoint on loopback, as PostToConnection reaches
 * it (`POST <stage URL>/@connections/<id>`): 200 for a connection it holds, 410 GoneException
 * (as API Gateway answers) for one named `gone`, 500 for one named `failing`.
 */
export interface ConnectionsEndpoint {
  /** The stage URL, `http://127.0.0.1:<port>/live`: the pusher's `LIVE_CALLBACK_URL`. */
  url: string;
  posts: ReceivedPost[];
  gone: Set<string>;
  failing: Set<string>;
  close(): Promise<void>;
}

const CONNECTIONS_PATH = /^\/live\/@connections\/([^/?]+)$/;

export async function startConnectionsEndpoint(): Promise<ConnectionsEndpoint> {
  const posts: ReceivedPost[] = [];
  const gone = new Set<string>();
  const failing = new Set<string>();
  const server: Server = createServer((request, response) => {
    const match = CONNECTIONS_PATH.exec(request.url ?? '');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const connectionId = decodeURIComponent(match?.[1] ?? '');
      if (request.method !== 'POST' || !match) return response.writeHead(404).end();
      if (gone.has(connectionId))
        return response
          .writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' })
          .end('{"message":null}');
      if (failing.has(connectionId))
        return response
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"message":"Internal server error"}');
      posts.push({ connectionId, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`,
    posts,
    gone,
    failing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
