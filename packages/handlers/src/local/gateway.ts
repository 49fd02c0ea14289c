import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES, REQUEST_ID_HEADER, type RouteName } from '@todolist/sdk/contract';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { corsHeaders, preflightHeaders } from '../http/cors.js';
import type { ProxyHandler } from '../http/define-route.js';
import { problem } from '../http/responses.js';
import type { LocalAuth } from './auth/local-auth.js';
import { identifyRequest } from './auth/request-identity.js';
import { lambdaContext } from './lambda-context.js';
import { closeAfterAnswer } from './linger.js';
import { toProxyEvent } from './proxy-event.js';
import { readBody } from './read-body.js';
import { RouteMatcher } from './route-matcher.js';
import { loadSitePage, serveSite } from './static-site.js';
import { type ThrottleSettings, TokenBucket } from './throttle.js';

/** How the local gateway is put together. */
export interface GatewayOptions {
  /** One handler per route of the table; a route whose handler is not there yet answers 503. */
  handlers: Partial<Record<RouteName, ProxyHandler>>;
  /** Port to listen on; 0 picks a free one. @default 3000 */
  port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Folder of the static page served at `/`. @default none: only the landing page */
  siteDir?: string;
  /** Origins the API accepts browser calls from. @default the gateway's own origin */
  allowedOrigins?: string[];
  /** Stage throttling; `null` turns it off. @default { rateLimit: 1000, burstLimit: 2000 } */
  throttle?: ThrottleSettings | null;
  /**
   * Makes the local user pool once the port is known (its issuer and redirect URIs name it): the
   * sign-in endpoints are served, and every todo route needs one of its access tokens.
   */
  auth: (port: number) => LocalAuth;
}

/** A listening gateway. */
export interface Gateway {
  /** Its base URL, such as `http://127.0.0.1:3000`. */
  url: string;
  server: Server;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResult, head: boolean): void {
  const headers: Record<string, string | string[]> = { ...result.multiValueHeaders } as Record<
    string,
    string[]
  >;
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  response.writeHead(result.statusCode, headers);
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.end(head ? undefined : body);
}

/** The API's URL for the page: the origin the page was loaded from, so its calls stay same-origin. */
function siteApiUrl(request: IncomingMessage, fallback: string): string {
  const host = request.headers.host;
  return host && /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host) ? `http://${host}` : fallback;
}

/**
 * Starts the local API gateway: routes by the route table, turns each request into the proxy
 * event API Gateway would send, invokes the route's handler and writes its answer. Outside
 * `/v1` it serves the static page.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const matcher = new RouteMatcher();
  const page = options.siteDir ? loadSitePage(options.siteDir) : undefined;
  const bucket =
    options.throttle === null
      ? null
      : new TokenBucket(options.throttle ?? { rateLimit: 1000, burstLimit: 2000 });
  let allowedOrigins: string[] = options.allowedOrigins ?? [];
  // Made as soon as the port is known, right after listen and before any request is handled.
  let auth!: LocalAuth;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    response.setHeader(REQUEST_ID_HEADER, requestId);
    // The target is always read as a path: `//x/v1` is not host `x`, and an absolute-form or `*`
    // target matches no route instead of being fetched or failing to parse.
    const target = request.url ?? '/';
    const url = new URL(`http://gateway.local${target.startsWith('/') ? '' : '/'}${target}`);
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    const head = method === 'HEAD';

    if (await auth.serve(request, response, url)) return;
    if (!url.pathname.startsWith('/v1/') && url.pathname !== '/v1') {
      if (method !== 'GET' && !head) {
        return writeResult(
          response,
          problem('method_not_allowed', `${method} is not served outside /v1`, requestId, {
            headers: { Allow: 'GET, HEAD' },
          }),
          false,
        );
      }
      return serveSite(page, url.pathname, { apiUrl: siteApiUrl(request, gateway.url) }, response, head);
    }
    if (method === 'OPTIONS') {
      const methods = matcher.methodsFor(url.pathname);
      if (methods.length > 0)
        return writeResult(
          response,
          { statusCode: 204, headers: preflightHeaders(origin, allowedOrigins, methods), body: '' },
          false,
        );
    }
    const cors = corsHeaders(origin, allowedOrigins);
    const answer = (result: APIGatewayProxyResult) =>
      writeResult(response, { ...result, headers: { ...result.headers, ...cors } }, head);

    const retryAfter = bucket?.take() ?? 0;
    if (retryAfter > 0) {
      return answer(
        problem('rate_limited', `too many requests: retry after ${retryAfter} s`, requestId, {
          headers: { 'Retry-After': String(retryAfter) },
        }),
      );
    }
    const match = matcher.match(method, url.pathname);
    if (match.kind === 'none') {
      return answer(
        problem('route_not_found', `no route ${method} ${url.pathname}: see /v1/openapi.json`, requestId),
      );
    }
    if (match.kind === 'wrong-method') {
      const allow = match.allowed.join(', ');
      return answer(
        problem(
          'method_not_allowed',
          `${method} is not allowed on ${url.pathname}; allowed: ${allow}`,
          requestId,
          { headers: { Allow: allow } },
        ),
      );
    }
    // As API Gateway, the authorizer runs before the body is read or validated.
    const identified = await identifyRequest(request, match.route, auth);
    if ('refused' in identified) {
      return answer(
        problem('unauthorized', identified.refused, requestId, {
          headers: { 'WWW-Authenticate': identified.challenge },
        }),
      );
    }
    // Read no further than the route takes, and stop the sender there: a flood of large bodies
    // then costs neither memory nor time (the handler checks the same limit on AWS, where API
    // Gateway reads up to 10 MB first).
    const limit = match.route.maxBodyBytes ?? MAX_BODY_BYTES;
    const body = await readBody(request, limit, 'stop');
    if (body === 'too-large') {
      closeAfterAnswer(request, response);
      return answer(
        problem(
          'payload_too_large',
          `the body is over ${limit} bytes, the limit of ${method} ${match.route.path}`,
          requestId,
        ),
      );
    }
    const handler = options.handlers[match.route.name];
    if (!handler) {
      return answer(
        problem('service_unavailable', 'the gateway is still starting: retry in a moment', requestId, {
          headers: { 'Retry-After': '1' },
        }),
      );
    }
    const event = toProxyEvent({
      request,
      url,
      body,
      resource: match.route.path,
      pathParameters: match.pathParameters,
      identity: identified.identity,
      requestId,
    });
    // The handler adds the CORS headers itself, as it must behind API Gateway's proxy integration.
    const context = lambdaContext(match.route.name, requestId);
    writeResult(response, await handler(event, context), head);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A handler that throws instead of answering is what API Gateway reports as a 502.
      console.error('local gateway: the handler failed', error);
      if (!response.headersSent) {
        writeResult(
          response,
          problem(
            'internal_error',
            'the handler failed; see the gateway log',
            String(response.getHeader(REQUEST_ID_HEADER)),
          ),
          false,
        );
      } else response.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const gateway: Gateway = {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
  auth = options.auth(port);
  if (!options.allowedOrigins) allowedOrigins = [gateway.url, `http://localhost:${port}`];
  return gateway;
}
