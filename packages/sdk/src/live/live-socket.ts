import type { LiveMessage } from '../contract/index.js';

/** How a live connection closed. */
export interface LiveClose {
  code: number;
  reason: string;
  /** Whether it had opened: a connection refused at the handshake (a bad token: HTTP 401) never does. */
  wasOpen: boolean;
}

/** One live connection: a WebSocket that tells its pokes, opening and closing as promises. */
export interface LiveSocket {
  /** Resolves when it opens; rejects with its {@link LiveClose} when it closes first. */
  readonly opened: Promise<void>;
  /** Resolves when it closes, for whatever reason. */
  readonly closed: Promise<LiveClose>;
  /** Sends text when open; before or after, sends nothing. */
  send(text: string): void;
  close(): void;
}

/**
 * Whether a message is a poke, the contract's `LiveMessage` (`{"type":"changed"}`); anything
 * else is ignored. Checked by hand: this file is loaded on demand, without zod.
 */
function isPoke(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  try {
    return (JSON.parse(data) as Partial<LiveMessage> | null)?.type === 'changed';
  } catch {
    return false;
  }
}

/** Opens a live connection to `url` (the token in it); `onPoke` is called for each poke. */
export function openLiveSocket(url: string, onPoke: () => void): LiveSocket {
  const socket = new WebSocket(url);
  let wasOpen = false;
  const closed = new Promise<LiveClose>((resolve) => {
    socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason, wasOpen }));
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      wasOpen = true;
      resolve();
    });
    void closed.then(reject);
  });
  // Awaited by the caller only until it closes; a rejection nobody waits for is not a failure.
  opened.catch(() => {});
  socket.addEventListener('message', (event) => {
    if (isPoke(event.data)) onPoke();
  });
  return {
    opened,
    closed,
    send(text) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close();
    },
  };
}
