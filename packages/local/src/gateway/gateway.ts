import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ProxyHandler, problem } from '@todolist/handlers';
import { REQUEST_ID_HEADER, type RouteName } from '@todolist/sdk/contract';
import type { LocalAuth } from '../issuer/local-auth.js';
import type { LiveEndpoint } from '../live/live-endpoint.js';
import { refuseUpgrade } from '../live/refuse-upgrade.js';
import { loadSitePage, type SitePage, serveSite } from '../site/static-site.js';
import { authorize, body, invoke, matchRoute, preflight, throttle, withCors } from './api-steps.js';
import { type Exchange, openExchange, writeResult } from './exchange.js';
import { RouteMatcher } from './route-matcher.js';
import { PerCallerThrottle, type ThrottleSettings } from './throttle.js';

/** What the gateway serves once it knows its port: the issuer names it, and the handlers' origins. */
export interface GatewayServices {
  /** The local user pool: its endpoints, and the check of every API route's token. */
  auth: LocalAuth;
  /** One handler per route of the table. */
  handlers: Readonly<Record<RouteName, ProxyHandler>>;
  /** The live pushes' WebSocket endpoint (`LIVE_PATH`). @default none: every upgrade is a 404 */
  live?: LiveEndpoint;
}

/** How the local gateway is put together. */
export interface GatewayOptions {
  /** Port to listen on; 0 picks a free one. @default 3000 */
  port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Folder of the static page served at `/`. @default none: only the landing page */
  siteDir?: string;
  /** Origins the API accepts browser calls from, besides the gateway's own. @default none */
  extraOrigins?: readonly string[];
  /** Throttling, per caller (`Authorization` header, else address); `null` turns it off. @default { rateLimit: 1000, burstLimit: 2000 } */
  throttle?: ThrottleSettings | null;
  /**
   * Makes what needs the port, once it is known: the issuer (its issuer and redirect URIs name
   * it) and the handlers (their allowed origins do). Requests that come meanwhile wait for it.
   */
  services: (port: number, allowedOrigins: readonly string[]) => Promise<GatewayServices>;
}

/** A listening gateway. */
export interface Gateway {
  /** Its base URL, such as `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  /** Every origin the API takes browser calls from: the gateway's own, then the extra ones. */
  allowedOrigins: readonly string[];
  server: Server;
  /** Resolves once the services are made (and rejects if they could not be). */
  ready: Promise<void>;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

/** Everything a request is served with, fixed once the gateway has started. */
interface Served extends GatewayServices {
  url: string;
  origins: readonly string[];
  matcher: RouteMatcher;
  buckets: PerCallerThrottle | null;
  page: SitePage | undefined;
}

/** The API's URL for the page: the origin the page was loaded from, so its calls stay same-origin. */
function siteApiUrl(request: IncomingMessage, fallback: string): string {
  const host = request.headers.host;
  return host && /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host) ? `http://${host}` : fallback;
}

/** Outside `/v1`: the issuer's endpoints, then the page (GET and HEAD only). */
async function servePageSide(served: Served, exchange: Exchange): Promise<void> {
  const { method, url, request, response, requestId, head } = exchange;
  if (method !== 'GET' && !head) {
    return writeResult(
      exchange,
      problem('method_not_allowed', `${method} is not served outside /v1`, requestId, {
        headers: { Allow: 'GET, HEAD' },
      }),
      false,
    );
  }
  await serveSite(served.page, url.pathname, { apiUrl: siteApiUrl(request, served.url) }, response, head);
}

/** Under `/v1`: preflight, throttle, route, authorizer, body, handler, as API Gateway goes. */
async function serveApi(served: Served, exchange: Exchange): Promise<void> {
  const ownAnswer = (result: Parameters<typeof withCors>[1]) =>
    writeResult(exchange, withCors(exchange, result, served.origins));
  const preflighted = preflight(exchange, served.matcher, served.origins);
  if (preflighted) return writeResult(exchange, preflighted, false);
  const throttled = throttle(exchange, served.buckets);
  if (throttled) return ownAnswer(throttled);
  const match = matchRoute(exchange, served.matcher);
  if (!('kind' in match)) return ownAnswer(match);
  const identified = await authorize(exchange, match, served.auth);
  if (!('identity' in identified)) return ownAnswer(identified);
  const read = await body(exchange, match);
  if (!Buffer.isBuffer(read)) return ownAnswer(read);
  // The handler adds the CORS headers itself, as it must behind API Gateway's proxy integration.
  writeResult(
    exchange,
    await invoke(exchange, match, { identity: identified.identity, body: read }, served.handlers),
  );
}

async function serve(served: Served, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const exchange = openExchange(request, response);
  if (await served.auth.serve(request, response, exchange.url)) return;
  const { pathname } = exchange.url;
  if (pathname.startsWith('/v1/') || pathname === '/v1') return serveApi(served, exchange);
  return servePageSide(served, exchange);
}

/** A WebSocket handshake: the live endpoint's, or a 404 when the gateway serves none. */
function serveUpgrade(served: Served, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  if (served.live) {
    served.live.upgrade(request, socket, head);
    return;
  }
  const requestId = randomUUID();
  const refusal = problem('route_not_found', `no WebSocket at ${request.url}`, requestId, {
    headers: { [REQUEST_ID_HEADER]: requestId },
  });
  refuseUpgrade(socket, refusal);
}

/** A handler that throws instead of answering is what API Gateway reports as a 502. */
function answerFailure(response: ServerResponse, error: unknown): void {
  console.error('local gateway: the request failed', error);
  if (response.headersSent) return void response.destroy();
  const requestId = String(response.getHeader(REQUEST_ID_HEADER) ?? '');
  const result = problem('internal_error', 'the handler failed; see the gateway log', requestId);
  response.writeHead(result.statusCode, result.headers as Record<string, string>);
  response.end(result.body);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** How often a closing gateway closes the connections that have gone idle since it began. */
const CLOSE_SWEEP_MS = 50;
/** How long a closing gateway lets requests under way finish before it cuts their connections. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Starts the local API gateway: routes by the route table, turns each request into the proxy
 * event API Gateway would send, invokes the route's handler and writes its answer. Outside
 * `/v1` it serves the issuer's endpoints and the static page.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const server = createServer();
  // Idle connections stay open longer than clients keep them (undici, the fetch of Node, reuses
  // one until shortly before the timeout the server announces): with Node's default of 5 s a
  // client on a busy machine could send on a connection the server was closing, and get a reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { address, port } = await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  const allowedOrigins = [url, `http://localhost:${port}`, ...(options.extraOrigins ?? [])];
  const served: Promise<Served> = options.services(port, allowedOrigins).then((services) => ({
    ...services,
    url,
    origins: allowedOrigins,
    matcher: new RouteMatcher(),
    buckets:
      options.throttle === null
        ? null
        : new PerCallerThrottle(options.throttle ?? { rateLimit: 1000, burstLimit: 2000 }),
    page: options.siteDir ? loadSitePage(options.siteDir) : undefined,
  }));
  server.on('request', (request, response) => {
    served
      .then((ready) => serve(ready, request, response))
      .catch((error: unknown) => answerFailure(response, error));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    served.then((ready) => serveUpgrade(ready, request, socket, head)).catch(() => socket.destroy());
  });
  return {
    url,
    port,
    allowedOrigins,
    server,
    ready: served.then(() => undefined),
    close: async () => {
      const closed = new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      // A request still being answered keeps its connection after its answer, idle for up to
      // the 65 s keep-alive: each is closed as it goes idle, and any left after the grace (a
      // request that never ends) at once, so a close never waits on a client.
      const sweep = setInterval(() => server.closeIdleConnections(), CLOSE_SWEEP_MS);
      const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        // The server's close waits for every connection, live ones too: they are told to go (1001).
        await Promise.all([
          closed,
          served.then(
            (ready) => ready.live?.close(),
            () => undefined,
          ),
        ]);
      } finally {
        clearInterval(sweep);
        clearTimeout(grace);
      }
    },
  };
}
