import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyResult } from 'aws-lambda';

/**
 * Answers a WebSocket handshake with an HTTP error instead of the switch to WebSocket, then
 * closes the connection: a 401 for a bad token, as API Gateway's WebSocket API refuses a
 * `$connect` its authorizer denies. A browser's WebSocket only reports a failure; other
 * clients read the status and the problem details.
 */
export function refuseUpgrade(socket: Duplex, result: APIGatewayProxyResult): void {
  if (!socket.writable) return void socket.destroy();
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)])),
    'Content-Length': String(Buffer.byteLength(result.body)),
    Connection: 'close',
  };
  const head = [
    `HTTP/1.1 ${result.statusCode} ${STATUS_CODES[result.statusCode] ?? ''}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${result.body}`);
}
