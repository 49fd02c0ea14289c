import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/** A request sent byte for byte as written: no encoding, no default headers besides Host and Content-Length. */
export interface RawRequest {
  method: string;
  /** The request target as it goes on the request line: path and query, already percent-encoded. */
  target: string;
  /** Header values by name; an array sends the header once per value. */
  headers?: Record<string, string | string[]>;
  body?: Uint8Array;
}

/** An answer as it came off the wire. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A keep-alive HTTP client for one base URL that sends {@link RawRequest}s as they are. */
export interface RawHttpClient {
  send(request: RawRequest): Promise<RawResponse>;
  /** The number of requests sent so far. */
  readonly sent: number;
  close(): void;
}

// node:http rather than fetch: fetch normalises paths, adds a Content-Type to string bodies and
// refuses some header values, which would hide exactly the requests these tests want to send.
export function createRawHttpClient(
  baseUrl: string,
  options: {
    maxSockets?: number;
    /** An `Authorization` value for every request that does not set its own. */
    authorization?: string;
  } = {},
): RawHttpClient {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 4 });
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    send: ({ method, target, headers: given = {}, body }) =>
      new Promise((resolve, reject) => {
        sent += 1;
        const ownAuthorization = Object.keys(given).some((name) => name.toLowerCase() === 'authorization');
        const headers =
          options.authorization && !ownAuthorization
            ? { authorization: options.authorization, ...given }
            : given;
        const outgoing = request(
          {
            agent,
            host: hostname,
            port,
            method,
            path: target,
            headers: body ? { ...headers, 'Content-Length': String(body.length) } : headers,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      }),
    close: () => agent.destroy(),
  };
}
