import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { changedKeys, type ItemKey, writeOperation } from './write-keys.js';

/**
 * A write the tap saw: the keys it names, known once the request is read, and whether it went
 * in, known once its answer is out. `done` resolves with the keys it may have changed (none
 * when DynamoDB refused it, as a failed condition).
 */
export interface TappedWrite {
  done: Promise<ItemKey[]>;
}

/**
 * Taps dynalite's HTTP server for the writes to `tableName` that touch people's partitions,
 * as a stream consumer would see them on AWS: dynalite has no streams, but it runs in this
 * process, so every write the handlers send passes through here. `onWrite` hears of a write as
 * soon as its request is read, before dynalite acts on it, so whoever waits for the writes
 * heard of (`LiveFeed.settled`) also waits for one whose answer is still on its way.
 */
export function tapWrites(server: Server, tableName: string, onWrite: (write: TappedWrite) => void): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // Before dynalite's own listeners, so both read every chunk of the body.
    watch(request, response, tableName, onWrite);
    for (const handler of handlers) handler.call(server, request, response);
  });
}

function watch(
  request: IncomingMessage,
  response: ServerResponse,
  tableName: string,
  onWrite: (write: TappedWrite) => void,
): void {
  const operation = writeOperation(request.headers['x-amz-target']);
  if (request.method !== 'POST' || operation === undefined) return;
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const keys = changedKeys(operation, parsed(Buffer.concat(chunks)), tableName);
    if (keys.length > 0) onWrite({ done: answered(response).then((ok) => (ok ? keys : [])) });
  });
}

function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether the write may have gone in: its answer was a 200, or the connection ended before an
 * answer was out (the write may have happened all the same; a poke too many costs a read).
 */
function answered(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    response.once('finish', () => resolve(response.statusCode === 200));
    response.once('close', () => resolve(true));
  });
}
