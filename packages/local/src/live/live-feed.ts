import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { audienceOf } from '@todolist/handlers';
import { type ItemKey, PERSON_PARTITION } from './write-keys.js';
import type { TappedWrite } from './write-tap.js';

/** The table the feed reads the new images from, as `audienceOf` takes it. */
type Table = Parameters<typeof audienceOf>[0];

/**
 * How long the feed gathers changed keys before it pokes: a handler that writes several items
 * (a list deleted with its todos, an import) pokes each person once, not once per item.
 */
export const POKE_TICK_MS = 15;

/** How long the close waits for the last pokes before it lets the database go. */
const CLOSE_PATIENCE_MS = 2_000;

/** Items read at once when a tick's keys are many (a list's hundred todos). */
const READS_IN_FLIGHT = 16;

/**
 * Turns the tapped writes into pokes, as the stream consumer does on AWS: after each write, the
 * item's new image (a consistent read), who may see it (`audienceOf`), and one poke per person
 * per tick. Ticks run one after another, so pokes keep the order of the writes and none is lost:
 * keys that come while a tick is being read wait for the next one.
 */
export class LiveFeed {
  readonly #table: Table;
  readonly #poke: (people: ReadonlySet<string>) => void;
  readonly #writes = new Set<Promise<void>>();
  #keys = new Map<string, ItemKey>();
  #timer: NodeJS.Timeout | undefined;
  #ticks: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(table: Table, poke: (people: ReadonlySet<string>) => void) {
    this.#table = table;
    this.#poke = poke;
  }

  /** Hears of a write (from the tap); its keys join the next tick once its answer is out. */
  add(write: TappedWrite): void {
    if (this.#closed) return;
    const gathered = write.done.then((keys) => this.#gather(keys));
    this.#writes.add(gathered);
    void gathered.finally(() => this.#writes.delete(gathered));
  }

  /** Resolves once every write heard of so far has poked its audience (tests, and the close). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.#writes.size > 0) {
        await Promise.all(this.#writes);
        continue;
      }
      if (this.#timer) this.#tick();
      const ticks = this.#ticks;
      await ticks;
      if (ticks === this.#ticks && this.#writes.size === 0 && !this.#timer) return;
    }
  }

  /**
   * Hears of no more writes, and waits for the pokes of those heard of, but not for long: the
   * gateway has closed every live connection already, so a write whose answer never came (a
   * request cut off by the close) must not hold the stack's close up.
   */
  async close(): Promise<void> {
    this.#closed = true;
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_PATIENCE_MS);
    });
    await Promise.race([this.settled(), patience]);
    clearTimeout(timer);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #gather(keys: readonly ItemKey[]): void {
    for (const key of keys) this.#keys.set(`${key.pk}\n${key.sk}`, key);
    if (this.#keys.size > 0 && !this.#timer) this.#timer = setTimeout(() => this.#tick(), POKE_TICK_MS);
  }

  #tick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const keys = [...this.#keys.values()];
    this.#keys = new Map();
    this.#ticks = this.#ticks
      .then(() => this.#pokeAudience(keys))
      .catch((error: unknown) => console.error('local gateway: a live poke failed', error));
  }

  async #pokeAudience(keys: readonly ItemKey[]): Promise<void> {
    const people = new Set<string>();
    for (let at = 0; at < keys.length; at += READS_IN_FLIGHT) {
      const group = keys.slice(at, at + READS_IN_FLIGHT);
      for (const audience of await Promise.all(group.map((key) => this.#audienceOf(key))))
        for (const person of audience) people.add(person);
    }
    if (people.size > 0) this.#poke(people);
  }

  /** Who may see the item's change; when it cannot be read, at least its partition's owner. */
  async #audienceOf(key: ItemKey): Promise<Set<string>> {
    try {
      const { Item } = await this.#table.client.send(
        new GetCommand({ TableName: this.#table.name, Key: key, ConsistentRead: true }),
      );
      return await audienceOf(this.#table, { ...key, images: [Item] });
    } catch (error) {
      console.error('local gateway: could not tell who hears of a change; poking its owner', error);
      return new Set([key.pk.slice(PERSON_PARTITION.length)]);
    }
  }
}
