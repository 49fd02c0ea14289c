import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { connectionKey, ownerPartition, regionConnectionsPrefix } from './keys.js';
import { queryPages, type Table } from './table.js';
import { TTL_ATTRIBUTE } from './table-schema.js';

// The live connections of one region's WebSocket API, one item each in its person's partition
// (keys.ts: `LIVE#<region>#<connection id>`), so the pusher finds a person's connections with one
// Query. A global table copies the items to every region; each region reads only its own.

/** API Gateway closes a WebSocket connection two hours after it opened, busy or not. */
export const CONNECTION_LIFETIME_SECONDS = 2 * 60 * 60;

/**
 * How long the item outlives its connection's longest life: it must never expire before the
 * connection does. A connection whose $disconnect never ran (it is not guaranteed) is removed by
 * the pusher's first post to it (410 Gone), or else by TTL.
 */
export const CONNECTION_EXPIRY_MARGIN_SECONDS = 10 * 60;

/** When a connection opened at `now` can no longer exist: its item's TTL, in epoch seconds. */
export function connectionExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + CONNECTION_LIFETIME_SECONDS + CONNECTION_EXPIRY_MARGIN_SECONDS;
}

/** Options of {@link LiveConnections}. */
export interface LiveConnectionsOptions {
  tableName: string;
  /** The region whose WebSocket API holds the connections (Lambda's `AWS_REGION`). */
  region: string;
  /** @default the clock */
  now?: () => Date;
}

/** The live connections this region's WebSocket API holds, by person. */
export class LiveConnections {
  readonly #table: Table;
  readonly #region: string;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: LiveConnectionsOptions) {
    this.#table = { client, name: options.tableName };
    this.#region = options.region;
    this.#now = options.now ?? (() => new Date());
  }

  /** Records a connection the person just opened (its $connect). */
  async open(personId: string, connectionId: string): Promise<void> {
    const now = this.#now();
    await this.#table.client.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: {
          ...connectionKey(personId, this.#region, connectionId),
          connectedAt: now.toISOString(),
          [TTL_ATTRIBUTE]: connectionExpiry(now),
        },
      }),
    );
  }

  /** Forgets a connection: it closed ($disconnect), or a post found it gone. */
  async close(personId: string, connectionId: string): Promise<void> {
    await this.#table.client.send(
      new DeleteCommand({
        TableName: this.#table.name,
        Key: connectionKey(personId, this.#region, connectionId),
      }),
    );
  }

  /**
   * The ids of the person's connections in this region, but those past their expiry (TTL
   * deletes an item some time after it expires, and the connection is gone by then).
   */
  async of(personId: string): Promise<string[]> {
    const prefix = regionConnectionsPrefix(this.#region);
    const nowSeconds = Math.floor(this.#now().getTime() / 1000);
    const ids: string[] = [];
    const pages = queryPages(this.#table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :live)',
      ExpressionAttributeValues: { ':pk': ownerPartition(personId), ':live': prefix },
      ExpressionAttributeNames: { '#expires': TTL_ATTRIBUTE },
      ProjectionExpression: 'sk, #expires',
    });
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        if (Number(item[TTL_ATTRIBUTE]) > nowSeconds) ids.push(String(item.sk).slice(prefix.length));
      }
    }
    return ids;
  }
}
