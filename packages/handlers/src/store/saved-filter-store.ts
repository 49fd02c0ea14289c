import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  MAX_SAVED_FILTERS,
  type SavedFilter,
  type SavedFilterCreate,
  type SavedFilterPage,
  type SavedFilterPatch,
} from '@todolist/sdk/contract';
import { monotonicFactory } from 'ulid';
import { LimitReachedError, PreconditionFailedError, SavedFilterNotFoundError } from '../errors.js';
import { ownerPartition, SAVED_FILTER_SK_PREFIX, savedFilterKey } from './keys.js';
import { type SavedFilterItem, toSavedFilter, whereFilterIs } from './saved-filter-item.js';
import { itemAtFailedCondition, queryPages, type Table } from './table.js';
import { buildUpdateExpression } from './update-expression.js';

/** What the saved filter store needs besides its client. */
export interface SavedFilterStoreOptions {
  tableName: string;
  now?: () => Date;
}

// Monotonic within a container, so filters saved in one millisecond still list in the order made.
const newFilterId = monotonicFactory();

/** The Query of every saved filter of the person's, read consistently. */
function everyFilterOf(ownerId: string) {
  return {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :filters)',
    ExpressionAttributeValues: { ':pk': ownerPartition(ownerId), ':filters': SAVED_FILTER_SK_PREFIX },
    ConsistentRead: true,
  };
}

/**
 * A person's saved filters, `FILTER#<id>` in their own partition: theirs alone, never shared.
 * Each is one item written by single conditional writes; see saved-filter-item.ts for why no
 * index, and so no listing or changes feed, ever reads one.
 */
export class SavedFilterStore {
  readonly #table: Table;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: SavedFilterStoreOptions) {
    this.#table = { client, name: options.tableName };
    this.#now = options.now ?? (() => new Date());
  }

  /** Every saved filter of the person's, oldest first (their ids are ULIDs): one Query. */
  async list(ownerId: string): Promise<SavedFilterPage> {
    const items: SavedFilterItem[] = [];
    // At most MAX_SAVED_FILTERS small items: one page of the Query, far under its 1 MB.
    for await (const page of queryPages(this.#table, everyFilterOf(ownerId)))
      items.push(...((page.Items ?? []) as SavedFilterItem[]));
    return { items: items.map(toSavedFilter) };
  }

  /**
   * Saves a filter, unless the person has MAX_SAVED_FILTERS already. The count is read before
   * the put, as for lists: k creates at once when the person has one short of the limit could
   * all go in, k − 1 over. It bounds what one listing reads (one Query of small items), so a few
   * over are harmless, and every create after is refused.
   */
  async create(ownerId: string, input: SavedFilterCreate): Promise<SavedFilter> {
    const { Count = 0 } = await this.#table.client.send(
      new QueryCommand({ TableName: this.#table.name, ...everyFilterOf(ownerId), Select: 'COUNT' }),
    );
    if (Count >= MAX_SAVED_FILTERS) throw new LimitReachedError('saved filters', MAX_SAVED_FILTERS);
    const now = this.#now().toISOString();
    const item: SavedFilterItem = {
      ...savedFilterKey(ownerId, newFilterId()),
      name: input.name,
      query: input.query,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.#table.client.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return toSavedFilter(item);
  }

  /** One saved filter of the person's. */
  async get(ownerId: string, filterId: string): Promise<SavedFilter> {
    const { Item } = await this.#table.client.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: savedFilterKey(ownerId, filterId),
        ConsistentRead: true,
      }),
    );
    if (!Item) throw new SavedFilterNotFoundError(filterId);
    return toSavedFilter(Item as SavedFilterItem);
  }

  /** Applies a patch and bumps the version: one conditional write, at `expectedVersion` when given. */
  async update(
    ownerId: string,
    filterId: string,
    patch: SavedFilterPatch,
    expectedVersion?: number,
  ): Promise<SavedFilter> {
    const key = savedFilterKey(ownerId, filterId);
    const change = buildUpdateExpression(patch, this.#now().toISOString(), {}, { changeStamp: false });
    const condition = whereFilterIs(expectedVersion);
    try {
      const { Attributes } = await this.#table.client.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: key,
          UpdateExpression: change.UpdateExpression,
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: {
            ...change.ExpressionAttributeNames,
            ...condition.ExpressionAttributeNames,
          },
          ExpressionAttributeValues: {
            ...change.ExpressionAttributeValues,
            ...condition.ExpressionAttributeValues,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return toSavedFilter(Attributes as SavedFilterItem);
    } catch (error) {
      throw await this.#refusal(error, key, filterId, expectedVersion);
    }
  }

  /** Deletes a saved filter: one conditional write, at `expectedVersion` when given. */
  async delete(ownerId: string, filterId: string, expectedVersion?: number): Promise<void> {
    const key = savedFilterKey(ownerId, filterId);
    try {
      await this.#table.client.send(
        new DeleteCommand({
          TableName: this.#table.name,
          Key: key,
          ...whereFilterIs(expectedVersion),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      throw await this.#refusal(error, key, filterId, expectedVersion);
    }
  }

  /** Why a change's condition failed: the filter is not there (404), or not at the version asked (412). */
  async #refusal(
    error: unknown,
    key: { pk: string; sk: string },
    filterId: string,
    expectedVersion: number | undefined,
  ) {
    if (!(error instanceof ConditionalCheckFailedException)) return error;
    // Without If-Match the only condition is that the filter exists.
    if (expectedVersion === undefined) return new SavedFilterNotFoundError(filterId);
    const current = await itemAtFailedCondition<SavedFilterItem>(this.#table, error, key);
    if (!current) return new SavedFilterNotFoundError(filterId);
    return new PreconditionFailedError(filterId, expectedVersion, current.version, 'saved filter');
  }
}
