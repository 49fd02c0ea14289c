import { request } from 'node:http';
import { LIVE_PATH, LIVE_TOKEN_PARAMETER, LiveMessage } from '@todolist/sdk/contract';
import { WebSocket as WsClient } from 'ws';

/** The live endpoint's URL for `token`, as a client builds it from the API's URL. */
export function liveUrl(apiUrl: string, token: string): string {
  const url = new URL(LIVE_PATH, apiUrl.replace(/^http/, 'ws'));
  url.searchParams.set(LIVE_TOKEN_PARAMETER, token);
  return url.href;
}

/** A live connection as a client holds it: what it was sent, and how it ended. */
export interface LiveSocket {
  /** Every message received, each checked against the contract's `LiveMessage`. */
  messages: LiveMessage[];
  /** Resolves with the close code once the connection has closed. */
  closed: Promise<number>;
  close(): void;
}

/** Opens a live connection with the global WebSocket (Node's, as a browser's or the CLI's). */
export async function openLive(apiUrl: string, token: string): Promise<LiveSocket> {
  const socket = new WebSocket(liveUrl(apiUrl, token));
  const messages: LiveMessage[] = [];
  socket.addEventListener('message', (event) =>
    messages.push(LiveMessage.parse(JSON.parse(String(event.data)))),
  );
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener('close', (event) => resolve(event.code)),
  );
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('the live connection was refused')), {
      once: true,
    });
  });
  return { messages, closed, close: () => socket.close() };
}

/**
 * A live connection through the `ws` client, which can send a protocol-level ping: its pong
 * comes back after every message the server sent before it, so `flush()` proves that nothing
 * more was sent so far (what the browser's WebSocket cannot tell).
 */
export interface FlushableLiveSocket extends LiveSocket {
  /** Resolves once every message the server sent before this call has been received. */
  flush(): Promise<void>;
}

/** Opens a live connection with `ws`'s client, for the checks that nothing came. */
export async function openFlushableLive(apiUrl: string, token: string): Promise<FlushableLiveSocket> {
  const socket = new WsClient(liveUrl(apiUrl, token));
  const messages: LiveMessage[] = [];
  socket.on('message', (data) => messages.push(LiveMessage.parse(JSON.parse(String(data)))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    messages,
    closed,
    close: () => socket.close(),
    flush: () =>
      new Promise<void>((resolve) => {
        socket.once('pong', () => resolve());
        socket.ping();
      }),
  };
}

/** What a WebSocket handshake was answered with. */
export interface HandshakeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a WebSocket handshake (`Upgrade: websocket`) by hand and reads the answer: a 101, or
 * the refusal's status and body, which the WebSocket API keeps from its callers.
 */
export function handshake(
  apiUrl: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<HandshakeAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(new URL(target, apiUrl), {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('todolist-handshk').toString('base64'),
        ...headers,
      },
    });
    sent.on('upgrade', (answer, socket) => {
      socket.destroy();
      resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: '' });
    });
    sent.on('response', (answer) => {
      let body = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        body += chunk;
      });
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}
