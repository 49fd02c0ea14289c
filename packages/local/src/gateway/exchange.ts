import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from '@todolist/sdk/contract';
import type { APIGatewayProxyResult } from 'aws-lambda';

/** One request at the gateway, read once: what every step looks at. */
export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  /** The request id, as API Gateway's `x-amzn-RequestId`. */
  requestId: string;
  /** The target read as a path of this gateway. */
  url: URL;
  method: string;
  /** `HEAD`: answer as `GET`, without the body. */
  head: boolean;
  origin: string | undefined;
}

/** Reads what the steps need of a request, and stamps its answer with the request id. */
export function openExchange(request: IncomingMessage, response: ServerResponse): Exchange {
  const requestId = randomUUID();
  response.setHeader(REQUEST_ID_HEADER, requestId);
  // The target is always read as a path: `//x/v1` is not host `x`, and an absolute-form or `*`
  // target matches no route instead of being fetched or failing to parse.
  const target = request.url ?? '/';
  const url = new URL(`http://gateway.local${target.startsWith('/') ? '' : '/'}${target}`);
  const method = request.method ?? 'GET';
  return {
    request,
    response,
    requestId,
    url,
    method,
    head: method === 'HEAD',
    origin: request.headers.origin,
  };
}

/** Writes a proxy result (a handler's, or the gateway's own problem) as the HTTP answer. */
export function writeResult(exchange: Exchange, result: APIGatewayProxyResult, head = exchange.head): void {
  const headers: Record<string, string | string[]> = { ...result.multiValueHeaders } as Record<
    string,
    string[]
  >;
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  exchange.response.writeHead(result.statusCode, headers);
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  exchange.response.end(head ? undefined : body);
}
