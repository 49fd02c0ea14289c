import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChangePage, ChangesFilter } from '@todolist/sdk/contract';
import { readChanges } from './changes-feed.js';
import type { Table } from './table.js';

/**
 * The changes feed: what changed, for one reader, since their cursor. Every write of the other
 * stores stamps what it changes (change-stamp.ts); this only reads.
 */
export class ChangesStore {
  readonly #table: Table;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: { tableName: string; now?: () => Date }) {
    this.#table = { client, name: options.tableName };
    this.#now = options.now ?? (() => new Date());
  }

  /** A page of changes since `filter.since`; without it, a cursor for now. See changes-feed.ts. */
  since(readerId: string, filter: ChangesFilter): Promise<ChangePage> {
    return readChanges(this.#table, readerId, filter, this.#now());
  }
}
