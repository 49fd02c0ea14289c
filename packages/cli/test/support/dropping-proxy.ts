import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHANGES_RETENTION_DAYS, ERROR_CODES, PROBLEM_MEDIA_TYPE, problemType } from '@todolist/sdk/contract';

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

/** An answer the proxy gives itself instead of passing the request on. */
interface OwnAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Passes each request on to `target`, unless `intercept` says to cut its connection instead
 * (`'drop'`) or gives the answer to send.
 */
async function startProxy(
  target: string,
  intercept: (url: URL) => 'drop' | OwnAnswer | undefined,
): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server = createServer((incoming, answer) => {
    const url = new URL(incoming.url ?? '/', target);
    requests.push(`${incoming.method} ${url.pathname}${url.search}`);
    const own = intercept(url);
    if (own === 'drop') {
      incoming.socket.destroy();
      return;
    }
    if (own) {
      incoming.resume();
      answer.writeHead(own.status, { 'content-type': own.contentType }).end(own.body);
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
  return startProxy(target, (url) => (url.searchParams.has('cursor') ? 'drop' : undefined));
}

/** Passes every request on to `target`, recording each: what a run asked the API for. */
export function startRecordingProxy(target: string): Promise<RecordingProxy> {
  return startProxy(target, () => undefined);
}

/**
 * Passes every request on to `target`, except the first read of the changes feed from a cursor,
 * which it answers as the API answers a cursor older than the feed keeps: 410 `sync_expired`.
 * A client that slept for over a month, without the month.
 */
export function startFeedExpiringProxy(target: string): Promise<DroppingProxy> {
  let expired = false;
  return startProxy(target, (url) => {
    if (expired || url.pathname !== '/v1/changes' || !url.searchParams.has('since')) return undefined;
    expired = true;
    const { status, title } = ERROR_CODES.sync_expired;
    const detail = `this cursor is older than the ${CHANGES_RETENTION_DAYS} days the changes feed keeps`;
    const problem = { type: problemType('sync_expired'), title, status, code: 'sync_expired', detail };
    return { status, contentType: PROBLEM_MEDIA_TYPE, body: JSON.stringify(problem) };
  });
}
