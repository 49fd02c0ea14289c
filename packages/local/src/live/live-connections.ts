import type { LiveMessage } from '@todolist/sdk/contract';
import { WebSocket } from 'ws';

const CHANGED = JSON.stringify({ type: 'changed' } satisfies LiveMessage);

/** Close code 1001, "going away": the server is going down; clients reconnect (RFC 6455 §7.4.1). */
export const GOING_AWAY = 1001;

/** How long a closing client has to answer the close before its connection is cut. */
const CLOSE_HANDSHAKE_MS = 1_000;

/** The open live connections, by the person each is for (AWS keeps them at `connectionKey`). */
export class LiveConnections {
  readonly #byPerson = new Map<string, Set<WebSocket>>();

  /** Keeps `socket` for `person` until it closes. */
  add(person: string, socket: WebSocket): void {
    const sockets = this.#byPerson.get(person) ?? new Set<WebSocket>();
    this.#byPerson.set(person, sockets);
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.#byPerson.get(person) === sockets) this.#byPerson.delete(person);
    });
  }

  /** How many connections are open. */
  get size(): number {
    let count = 0;
    for (const sockets of this.#byPerson.values()) count += sockets.size;
    return count;
  }

  /** Sends `{"type":"changed"}` once on each open connection of each of `people`. */
  poke(people: Iterable<string>): void {
    for (const person of people)
      for (const socket of this.#byPerson.get(person) ?? [])
        if (socket.readyState === WebSocket.OPEN) socket.send(CHANGED);
  }

  /** Closes every connection with 1001, and waits until each has closed (or was cut). */
  async closeAll(reason: string): Promise<void> {
    const closing = [...this.#byPerson.values()].flatMap((sockets) => [...sockets]).map(closed);
    for (const sockets of this.#byPerson.values())
      for (const socket of sockets) socket.close(GOING_AWAY, reason);
    await Promise.all(closing);
  }
}

function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    // ws waits 30 s for the client's answer to a close; a gateway going down waits a second.
    const cut = setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS);
    socket.once('close', () => {
      clearTimeout(cut);
      resolve();
    });
  });
}
