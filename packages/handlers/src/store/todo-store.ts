import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  Todo,
  TodoCreate,
  TodoImportItem,
  TodoImportResult,
  TodoListFilter,
  TodoPage,
  TodoPatch,
} from '@todolist/sdk/contract';
import { monotonicFactory, ulid } from 'ulid';
import { NotFoundError, PreconditionFailedError, ServiceUnavailableError } from '../errors.js';
import { decodeCursor, encodeCursor, filterFingerprint } from './cursor.js';
import { importTodos } from './import-todos.js';
import { createWithKey, type KeyedCreateOutcome } from './keyed-create.js';
import { HEALTH_SENTINEL_KEY, ownerPartition, TODO_SK_PREFIX, todoKey } from './keys.js';
import { buildFilterExpression } from './list-filter.js';
import { newTodoItem, type TodoItem, toTodo } from './todo-item.js';
import { buildUpdateExpression } from './update-expression.js';

/** What the store needs besides its client. */
export interface TodoStoreOptions {
  tableName: string;
  /** The key that signs list cursors, asked for on the first list. */
  cursorSigningKey: () => Promise<string>;
  /** The clock, replaceable in tests. @default () => new Date() */
  now?: () => Date;
}

// Monotonic, so the todos of one import that give no id list in the order they were sent even
// when many get their ULID in the same millisecond.
const importedId = monotonicFactory();

// With a filter, most items a Query reads may be dropped; reading a larger slice per call keeps
// the number of round trips low while still stopping as soon as the page is full.
const FILTERED_QUERY_SLICE = 200;

/**
 * The todos of each owner in the single DynamoDB table. Every method takes the owner first and
 * touches only that owner's partition; another owner's todo is simply not found.
 */
export class TodoStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #cursorKey: () => Promise<string>;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: TodoStoreOptions) {
    this.#client = client;
    this.#tableName = options.tableName;
    this.#cursorKey = options.cursorSigningKey;
    this.#now = options.now ?? (() => new Date());
  }

  /** Stores a new todo with a fresh ULID and version 1. */
  async create(ownerId: string, input: TodoCreate): Promise<Todo> {
    const item = newTodoItem(ownerId, ulid(), input, this.#now().toISOString());
    await this.#client.send(
      new PutCommand({
        TableName: this.#tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return toTodo(item);
  }

  /**
   * Creates a todo once per owner and `Idempotency-Key`: a replay answers the first todo and
   * creates nothing, also after a crash part-way; the key with another body is a 422.
   */
  createOnce(ownerId: string, key: string, input: TodoCreate): Promise<KeyedCreateOutcome> {
    return createWithKey(this.#client, this.#tableName, { ownerId, key, input, now: this.#now() });
  }

  /**
   * Creates the items whose ids the owner does not have yet (an item without one gets a fresh
   * ULID); answers one result per item, by its `index`: "created", or "existing" when the id
   * was there already or came earlier in the same import, which is then left untouched.
   */
  async importMany(
    ownerId: string,
    items: readonly { index: number; item: TodoImportItem & { title: string } }[],
  ): Promise<TodoImportResult[]> {
    const entries = items.map(({ index, item: { id, ...input } }) => ({
      index,
      id: id ?? importedId(),
      input,
    }));
    const outcome = await importTodos(this.#client, ownerId, entries, {
      tableName: this.#tableName,
      now: this.#now().toISOString(),
    });
    const seen = new Set<string>();
    return entries.map(({ index, id }) => {
      const created = outcome.created.has(id) && !seen.has(id);
      seen.add(id);
      return { index, id, status: created ? 'created' : 'existing' };
    });
  }

  /**
   * Reads the health sentinel, consistently, as every todo is read: resolves when the table
   * answers, else throws {@link ServiceUnavailableError} (the cause kept for the log).
   */
  async checkHealth(): Promise<void> {
    try {
      await this.#client.send(
        new GetCommand({ TableName: this.#tableName, Key: HEALTH_SENTINEL_KEY, ConsistentRead: true }),
      );
    } catch (cause) {
      throw new ServiceUnavailableError('the table cannot be read: this region cannot serve todos now', {
        cause,
      });
    }
  }

  /** The todo, or {@link NotFoundError}. */
  async get(ownerId: string, id: string): Promise<Todo> {
    const item = await this.#getItem(ownerId, id);
    if (!item) throw new NotFoundError(id);
    return toTodo(item);
  }

  /**
   * Applies a patch and bumps the version. With `expectedVersion`, changes nothing and throws
   * {@link PreconditionFailedError} unless the todo is still at that version.
   */
  async update(ownerId: string, id: string, patch: TodoPatch, expectedVersion?: number): Promise<Todo> {
    const expression = buildUpdateExpression(patch, this.#now().toISOString());
    const condition = this.#condition(expectedVersion);
    try {
      const { Attributes } = await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: todoKey(ownerId, id),
          ...expression,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: { ...expression.ExpressionAttributeNames, ...condition.names },
          ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ...condition.values },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return toTodo(Attributes as TodoItem);
    } catch (error) {
      throw await this.#explainConditionFailure(error, ownerId, id, expectedVersion);
    }
  }

  /** Deletes the todo; with `expectedVersion`, only if it is still at that version. */
  async delete(ownerId: string, id: string, expectedVersion?: number): Promise<void> {
    const condition = this.#condition(expectedVersion);
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: todoKey(ownerId, id),
          ConditionExpression: condition.expression,
          ...(Object.keys(condition.values).length > 0
            ? { ExpressionAttributeValues: condition.values }
            : {}),
          ExpressionAttributeNames: condition.names,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      throw await this.#explainConditionFailure(error, ownerId, id, expectedVersion);
    }
  }

  /**
   * One page of the owner's todos in creation order. A page is full unless it is the last:
   * DynamoDB applies filters after reading, so this keeps querying until it has one todo more
   * than the page holds (which proves a next page exists) or the partition ends.
   */
  async list(ownerId: string, filter: TodoListFilter): Promise<TodoPage> {
    const filterExpression = buildFilterExpression(filter);
    const after = filter.cursor
      ? decodeCursor(await this.#cursorKey(), ownerId, filter.cursor, filter).after
      : undefined;
    const found: TodoItem[] = [];
    let startKey: Record<string, unknown> | undefined = after ? todoKey(ownerId, after) : undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :todo)',
          ...filterExpression,
          ExpressionAttributeValues: {
            ...filterExpression.ExpressionAttributeValues,
            ':pk': ownerPartition(ownerId),
            ':todo': TODO_SK_PREFIX,
          },
          ExclusiveStartKey: startKey,
          Limit: filterExpression.FilterExpression ? FILTERED_QUERY_SLICE : filter.limit + 1 - found.length,
        }),
      );
      found.push(...((page.Items ?? []) as TodoItem[]));
      startKey = page.LastEvaluatedKey;
    } while (found.length <= filter.limit && startKey);

    const items = found.slice(0, filter.limit).map(toTodo);
    const last = items.at(-1);
    const nextCursor =
      found.length > filter.limit && last
        ? encodeCursor(await this.#cursorKey(), ownerId, {
            after: last.id,
            filter: filterFingerprint(filter),
          })
        : null;
    return { items, nextCursor };
  }

  async #getItem(ownerId: string, id: string): Promise<TodoItem | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: todoKey(ownerId, id), ConsistentRead: true }),
    );
    return Item as TodoItem | undefined;
  }

  #condition(expectedVersion: number | undefined): {
    expression: string;
    names: Record<string, string>;
    values: Record<string, unknown>;
  } {
    if (expectedVersion === undefined) {
      return { expression: 'attribute_exists(#pk)', names: { '#pk': 'pk' }, values: {} };
    }
    return {
      expression: 'attribute_exists(#pk) AND #version = :expectedVersion',
      names: { '#pk': 'pk', '#version': 'version' },
      values: { ':expectedVersion': expectedVersion },
    };
  }

  /** Turns a failed condition into "not found" or "precondition failed"; other errors pass through. */
  async #explainConditionFailure(error: unknown, ownerId: string, id: string, expectedVersion?: number) {
    if (!(error instanceof ConditionalCheckFailedException)) return error;
    // DynamoDB returns the old item with the failure; dynalite does not, so read it then.
    const current = error.Item ? (unmarshall(error.Item) as TodoItem) : await this.#getItem(ownerId, id);
    if (!current || expectedVersion === undefined) return new NotFoundError(id);
    return new PreconditionFailedError(id, expectedVersion, current.version);
  }
}
