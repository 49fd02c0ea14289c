import type { FeedReader } from './feed-reader.js';
import { liveUrl } from './live-sockets.js';

/**
 * A client that stays in step, as the live protocol asks: it opens the socket first, then reads
 * its feed from its cursor, then reads again on each poke (pokes that come while a read is in
 * flight make one more read). After its socket closes it waits to be told to reconnect.
 */
export class LiveFollower {
  readonly #reader: FeedReader;
  readonly #token: string;
  #reading: Promise<void> = Promise.resolve();
  #again = false;
  #busy = false;
  /** Reads that failed (the gateway went down during one). */
  readonly failures: unknown[] = [];
  /** The close code of the last connection, once it has closed. */
  closed: Promise<number> = Promise.resolve(0);

  constructor(reader: FeedReader, token: string) {
    this.#reader = reader;
    this.#token = token;
  }

  /** Connects to the gateway at `apiUrl`, then catches up from the cursor. */
  async connect(apiUrl: string): Promise<void> {
    this.#reader.moveTo(apiUrl);
    const socket = new WebSocket(liveUrl(apiUrl, this.#token));
    this.closed = new Promise((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
    socket.addEventListener('message', () => this.#poked());
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('the live connection was refused')), {
        once: true,
      });
    });
    this.#poked();
  }

  /** Resolves once no read is in flight or asked for. */
  async idle(): Promise<void> {
    while (this.#busy) await this.#reading;
  }

  #poked(): void {
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    this.#reading = (async () => {
      try {
        do {
          this.#again = false;
          await this.#reader.read();
        } while (this.#again);
      } catch (error) {
        // A read cut off by the gateway going down: the next connection catches up from the cursor.
        this.failures.push(error);
      } finally {
        this.#busy = false;
      }
    })();
  }
}
