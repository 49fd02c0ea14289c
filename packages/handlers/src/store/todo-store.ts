import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  INBOX_LIST_ID,
  MAX_COMPLETIONS,
  type Todo,
  type TodoCreate,
  type TodoImportItem,
  type TodoImportResult,
  type TodoListFilter,
  type TodoPage,
  type TodoPatch,
} from '@todolist/sdk/contract';
import { monotonicFactory, ulid } from 'ulid';
import { NotFoundError, PreconditionFailedError, ServiceUnavailableError } from '../errors.js';
import { GONE, isGone } from './change-stamp.js';
import { importTodos } from './import-todos.js';
import { createWithKey, type KeyedCreateOutcome } from './keyed-create.js';
import { HEALTH_SENTINEL_KEY, idFromSortKey, todoKey } from './keys.js';
import { resolveList } from './list-access.js';
import type { ListAccess } from './list-item.js';
import { type LocatedTodo, locateTodo } from './locate-todo.js';
import { moveAcross } from './move-across.js';
import type { NextDueDay } from './next-occurrence.js';
import { positionAfter, positionsAtEnd, positionsForNew } from './positions.js';
import { itemAtFailedCondition, type Table, writeIf } from './table.js';
import {
  newTodoItem,
  ORDER_FIELDS,
  orderAttributes,
  placeAttributes,
  storedRecurrence,
  type TodoItem,
  todoTombstone,
  toTodo,
} from './todo-item.js';
import { listTodos } from './todo-listing.js';
import { buildUpdateExpression, type FieldChanges } from './update-expression.js';

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

/**
 * The todos a person can see: those of their Inbox and their own lists (in their partition) and
 * those of lists shared with them (in each owner's). Every method takes the caller first; a
 * todo on a list they are not on is simply not found.
 */
export class TodoStore {
  readonly #table: Table;
  readonly #cursorKey: () => Promise<string>;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: TodoStoreOptions) {
    this.#table = { client, name: options.tableName };
    this.#cursorKey = options.cursorSigningKey;
    this.#now = options.now ?? (() => new Date());
  }

  /** Stores a new todo with a fresh ULID and version 1, last in its list (the Inbox unless `listId`): one write. */
  async create(callerId: string, input: TodoCreate): Promise<Todo> {
    const { listId, ...fields } = input;
    const access = await resolveList(this.#table, callerId, listId ?? INBOX_LIST_ID);
    const now = this.#now();
    const [position] = positionsForNew(now, 1);
    const place = { listId: access.listId, position: position as string };
    const item = newTodoItem(access.ownerId, ulid(), fields, now.toISOString(), place, callerId);
    await this.#table.client.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return toTodo(item);
  }

  /**
   * Creates a todo once per caller and `Idempotency-Key`: a replay answers the first todo and
   * creates nothing, also after a crash part-way; the key with another body is a 422. `request`
   * is what a resend must repeat, when it is not the input itself (a quick add's text).
   */
  async createOnce(
    callerId: string,
    key: string,
    input: TodoCreate,
    request?: Record<string, unknown>,
  ): Promise<KeyedCreateOutcome> {
    const access = await resolveList(this.#table, callerId, input.listId ?? INBOX_LIST_ID);
    const [position] = positionsForNew(this.#now(), 1);
    return createWithKey(this.#table.client, this.#table.name, {
      ownerId: callerId,
      key,
      input,
      ...(request ? { request } : {}),
      now: this.#now(),
      place: { partitionOwner: access.ownerId, listId: access.listId, position: position as string },
    });
  }

  /**
   * Creates the items whose ids their list's partition does not have yet (an item without one
   * gets a fresh ULID), each last in its list in the order sent; answers one result per item,
   * by its `index`: "created", or "existing" when the id was there already or came earlier in
   * the same import, which is then left untouched.
   */
  async importMany(
    callerId: string,
    items: readonly { index: number; item: TodoImportItem & { title: string } }[],
  ): Promise<TodoImportResult[]> {
    const entries = items.map(({ index, item: { id, listId, ...input } }) => ({
      index,
      id: id ?? importedId(),
      listId: listId ?? INBOX_LIST_ID,
      input,
    }));
    const created = new Set<string>();
    for (const listId of new Set(entries.map((entry) => entry.listId))) {
      const access = await resolveList(this.#table, callerId, listId);
      const ofList = entries.filter((entry) => entry.listId === listId);
      const positions = positionsForNew(this.#now(), ofList.length);
      const outcome = await importTodos(
        this.#table.client,
        access.ownerId,
        ofList.map((entry, at) => ({ ...entry, place: { listId, position: positions[at] as string } })),
        { tableName: this.#table.name, now: this.#now().toISOString(), by: callerId },
      );
      for (const id of outcome.created) created.add(id);
    }
    const seen = new Set<string>();
    return entries.map(({ index, id }) => {
      const made = created.has(id) && !seen.has(id);
      seen.add(id);
      return { index, id, status: made ? 'created' : 'existing' };
    });
  }

  /**
   * Reads the health sentinel, consistently, as every todo is read: resolves when the table
   * answers, else throws {@link ServiceUnavailableError} (the cause kept for the log).
   */
  async checkHealth(): Promise<void> {
    try {
      await this.#table.client.send(
        new GetCommand({ TableName: this.#table.name, Key: HEALTH_SENTINEL_KEY, ConsistentRead: true }),
      );
    } catch (cause) {
      throw new ServiceUnavailableError('the table cannot be read: this region cannot serve todos now', {
        cause,
      });
    }
  }

  /** The todo, or {@link NotFoundError}. */
  async get(callerId: string, id: string): Promise<Todo> {
    return toTodo((await this.#locate(callerId, id)).item);
  }

  /**
   * Applies a patch and bumps the version. With `expectedVersion`, changes nothing and throws
   * {@link PreconditionFailedError} unless the todo is still at that version. `listId` and
   * `after` move it: within one partition the move is this one update; to a list in another
   * partition, move-across.ts.
   */
  async update(
    callerId: string,
    id: string,
    patch: TodoPatch,
    expectedVersion?: number,
    nextDay?: NextDueDay,
  ): Promise<Todo> {
    const { listId, after, ...asked } = patch;
    let fields: FieldChanges = asked.recurrence
      ? { ...asked, recurrence: storedRecurrence(asked.recurrence) }
      : asked;
    // Completing a repeating todo moves it to its next day instead, which needs the todo read.
    // Most todos do not repeat, so the first write completes only a todo without a repeat, and
    // its failed condition is the read of one that has.
    const completing = fields.completed === true && fields.recurrence === undefined;
    // A new due day, time or priority rewrites byDue's and byPriority's keys, which are made of
    // all three: that needs the todo read, and a write on the version read.
    const reorders = changesOrder(fields);
    // What a failed write found at the caller's own key, so the lookup does not read it again.
    let ownRead: { item: TodoItem | undefined } | undefined;
    if (listId === undefined && after === undefined && !reorders) {
      // The common case, a change to a todo in the caller's own partition, is one conditional
      // write; only when the todo is not there is it looked for on shared lists.
      const key = todoKey(callerId, id);
      const outcome = await this.#write(key, fields, callerId, expectedVersion, { repeatsNot: completing });
      if (outcome.written) return toTodo(outcome.written);
      ownRead = { item: outcome.current };
    }
    const located = await this.#locate(callerId, id, ownRead);
    const { item } = located;
    if (expectedVersion !== undefined && item.version !== expectedVersion) {
      throw new PreconditionFailedError(id, expectedVersion, item.version, 'todo');
    }
    // On the version read: of two completions of one occurrence at once, one moves it and the
    // other is a 412.
    const next = completing ? this.#nextOccurrence(item, nextDay) : undefined;
    if (next) {
      const { completed: _done, ...rest } = fields;
      fields = { ...rest, ...next };
      expectedVersion = item.version;
    }
    // Only the keys ask for the version read: when someone else's change comes first, this
    // patch is applied again on theirs rather than refused, as the caller asked for no version.
    const versionForKeys = expectedVersion === undefined && reorders;
    if (versionForKeys) expectedVersion = item.version;
    const target =
      listId === undefined || listId === located.access.listId
        ? located.access
        : await resolveList(this.#table, callerId, listId);
    const moves = target !== located.access || after !== undefined;
    const position = moves ? await this.#positionIn(target, after, id) : undefined;
    if (target.ownerId !== located.access.ownerId) {
      const now = this.#now().toISOString();
      const moved = await moveAcross(this.#table, item, target, {
        position: position as string,
        by: callerId,
        now,
      });
      await this.#finishMove(located, callerId);
      if (Object.keys(fields).length === 0) return toTodo(moved);
      const keys = orderKeysAfter(moved, fields);
      return toTodo(await this.#mustWrite(moved, fields, callerId, moved.version, { place: keys }));
    }
    const place = {
      ...(position === undefined ? {} : placeAttributes(id, { listId: target.listId, position })),
      ...orderKeysAfter(item, fields),
    };
    // Leaving a list of this partition for another: its members may not see the new one.
    const left = target.listId === located.access.listId ? undefined : located.access.listId;
    try {
      const written = await this.#mustWrite(item, fields, callerId, expectedVersion, {
        place,
        leftList: left,
      });
      await this.#finishMove(located, callerId);
      return toTodo(written);
    } catch (error) {
      if (!(versionForKeys && error instanceof PreconditionFailedError)) throw error;
      return this.update(callerId, id, patch, undefined, nextDay);
    }
  }

  /**
   * What completing `item` writes when it repeats and has a day to come: its next due day,
   * still open, the completion remembered. Undefined for a todo that does not repeat, is done
   * already, or whose series has ended (it is completed).
   */
  #nextOccurrence(item: TodoItem, nextDay: NextDueDay | undefined): FieldChanges | undefined {
    const { recurrence, dueDate } = item;
    if (!recurrence || !dueDate || item.completed) return undefined;
    if (!nextDay)
      throw new Error('completing a repeating todo needs nextDueDayAt (store/next-occurrence.ts)');
    const now = this.#now();
    const next = nextDay(recurrence, dueDate, item.dueTime ?? null, now);
    if (!next) return undefined;
    const completion = { completedAt: now.toISOString(), dueDate };
    const completions = [...(item.completions ?? []), completion].slice(-MAX_COMPLETIONS);
    return { dueDate: next, completions } as FieldChanges;
  }

  /** Deletes the todo; with `expectedVersion`, only if it is still at that version. */
  async delete(callerId: string, id: string, expectedVersion?: number): Promise<void> {
    const own = await this.#deleteAt(todoKey(callerId, id), callerId, expectedVersion);
    if (own.written) return;
    const located = await this.#locate(callerId, id, { item: own.current });
    if (!(await this.#deleteAt(located.item, callerId, expectedVersion)).written) throw new NotFoundError(id);
    await this.#finishMove(located, callerId);
  }

  /** One page of todos: of one list, or of every list the caller can see; see todo-listing.ts. */
  list(callerId: string, filter: TodoListFilter): Promise<TodoPage> {
    return listTodos(this.#table, callerId, filter, this.#cursorKey, this.#now());
  }

  async #locate(
    callerId: string,
    id: string,
    ownRead?: { item: TodoItem | undefined },
  ): Promise<LocatedTodo> {
    const located = await locateTodo(this.#table, callerId, id, ownRead);
    if (!located) throw new NotFoundError(id);
    return located;
  }

  /** Where a moved todo goes: right after `after`, at the top (`null`), or last (absent). */
  #positionIn(target: ListAccess, after: string | null | undefined, movingId: string): Promise<string> {
    if (after !== undefined)
      return positionAfter(this.#table, target.ownerId, target.listId, after, movingId);
    return positionsAtEnd(this.#table, target.ownerId, target.listId, 1).then(([last]) => last as string);
  }

  /**
   * Updates the todo at `key` unless it is absent, part-way through a move (it is elsewhere) or,
   * with `repeatsNot`, repeating: then answers what is there, if anything. With
   * `expectedVersion`, only at that version, else a 412.
   */
  async #write(
    key: TodoKey,
    fields: FieldChanges,
    by: string,
    expectedVersion: number | undefined,
    { place = {}, leftList, repeatsNot = false }: WriteOptions = {},
  ): Promise<WriteOutcome<TodoItem>> {
    const expression = buildUpdateExpression(fields, this.#now().toISOString(), { updatedBy: by, ...place });
    if (leftList !== undefined) {
      expression.UpdateExpression += ' ADD #leftLists :leftList';
      expression.ExpressionAttributeNames['#leftLists'] = 'leftLists';
      expression.ExpressionAttributeValues[':leftList'] = new Set([leftList]);
    }
    if (key.movingTo !== undefined) {
      // A move that never made its copy: this change takes the todo back, so the marker goes.
      expression.UpdateExpression += expression.UpdateExpression.includes(' REMOVE ')
        ? ', #movingTo'
        : ' REMOVE #movingTo';
    }
    const condition = whereRead(key, expectedVersion, repeatsNot);
    try {
      const { Attributes } = await this.#table.client.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: { pk: key.pk, sk: key.sk },
          ...expression,
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: {
            ...expression.ExpressionAttributeNames,
            ...condition.ExpressionAttributeNames,
          },
          ExpressionAttributeValues: {
            ...expression.ExpressionAttributeValues,
            ...condition.ExpressionAttributeValues,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { written: Attributes as TodoItem };
    } catch (error) {
      return { current: await this.#explainConditionFailure(error, key, expectedVersion) };
    }
  }

  /** {@link TodoStore.#write} of a todo just located: absent now means deleted meanwhile (404). */
  async #mustWrite(
    item: TodoItem,
    fields: FieldChanges,
    by: string,
    expectedVersion: number | undefined,
    options: WriteOptions = {},
  ): Promise<TodoItem> {
    const { written } = await this.#write(item, fields, by, expectedVersion, options);
    if (!written) throw new NotFoundError(idFromSortKey(item.sk));
    return written;
  }

  /**
   * Deletes the todo at `key` under the condition {@link TodoStore.#write} updates it with: it
   * becomes its tombstone (the feed's delete), in that one conditional write.
   */
  async #deleteAt(
    key: TodoKey,
    by: string,
    expectedVersion: number | undefined,
  ): Promise<WriteOutcome<true>> {
    const condition = whereRead(key, expectedVersion);
    const tombstone = todoTombstone(this.#now(), by, { reason: 'deleted' });
    try {
      await this.#table.client.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: { pk: key.pk, sk: key.sk },
          ...tombstone,
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeNames: {
            ...tombstone.ExpressionAttributeNames,
            ...condition.ExpressionAttributeNames,
          },
          ExpressionAttributeValues: {
            ...tombstone.ExpressionAttributeValues,
            ...condition.ExpressionAttributeValues,
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { written: true };
    } catch (error) {
      return { current: await this.#explainConditionFailure(error, key, expectedVersion) };
    }
  }

  /**
   * Makes the original a stopped move left behind its tombstone ("moved", to the copy's list),
   * once its copy has been changed or deleted.
   */
  async #finishMove(located: LocatedTodo, by: string): Promise<void> {
    const { leftover } = located;
    if (!leftover) return;
    const tombstone = todoTombstone(this.#now(), by, {
      reason: 'moved',
      movedTo: { ownerId: located.access.ownerId, listId: located.item.listId },
    });
    await writeIf(
      this.#table.client,
      new UpdateCommand({
        TableName: this.#table.name,
        Key: { pk: leftover.pk, sk: leftover.sk },
        ...tombstone,
        ConditionExpression: 'attribute_exists(#movingTo)',
      }),
    );
  }

  /**
   * Rethrows what is not a failed condition, and a failed version check as a 412; otherwise the
   * todo is not at the key (absent, or marked as moving): answers what is there, for the lookup.
   */
  async #explainConditionFailure(
    error: unknown,
    key: TodoKey,
    expectedVersion: number | undefined,
  ): Promise<TodoItem | undefined> {
    const current = await itemAtFailedCondition<TodoItem>(this.#table, error, key);
    if (isGone(current)) return undefined;
    if (
      current &&
      current.movingTo === undefined &&
      expectedVersion !== undefined &&
      current.version !== expectedVersion
    ) {
      throw new PreconditionFailedError(idFromSortKey(key.sk), expectedVersion, current.version, 'todo');
    }
    return current;
  }
}

/** A todo's key, and the mark of a move it was read with. */
type TodoKey = { pk: string; sk: string; movingTo?: string };

/** What a todo's write does besides its fields, and what else it requires. */
interface WriteOptions {
  /** Attributes set with the fields: a new place. */
  place?: Record<string, string>;
  /** The list it leaves for another of the partition, whose members may not see the new one. */
  leftList?: string | undefined;
  /** Write only to a todo that does not repeat (a completion, which moves one that does). */
  repeatsNot?: boolean;
}

/** A conditional write's outcome: what it wrote, or what stood at the key instead (if anything). */
type WriteOutcome<Written> =
  | { written: Written; current?: never }
  | { written?: never; current: TodoItem | undefined };

/**
 * The condition that a change finds the todo where it was read: there, not moving (or still
 * marked by the same move that never made its copy, which the change then takes back), at
 * `expectedVersion` when given, and without a repeat when `repeatsNot`.
 */
function whereRead(key: TodoKey, expectedVersion: number | undefined, repeatsNot = false) {
  const moving =
    key.movingTo === undefined
      ? { condition: 'attribute_not_exists(#movingTo)', values: {} }
      : { condition: '#movingTo = :abandonedMove', values: { ':abandonedMove': key.movingTo } };
  const versioned = expectedVersion !== undefined;
  const values = { ...moving.values, ...(versioned ? { ':expectedVersion': expectedVersion } : {}) };
  return {
    ConditionExpression: `attribute_exists(#pk) AND attribute_not_exists(#gone) AND ${moving.condition}${versioned ? ' AND #version = :expectedVersion' : ''}${repeatsNot ? ' AND attribute_not_exists(#recurrence)' : ''}`,
    ExpressionAttributeNames: {
      '#pk': 'pk',
      '#gone': GONE,
      '#movingTo': 'movingTo',
      ...(versioned ? { '#version': 'version' } : {}),
      ...(repeatsNot ? { '#recurrence': 'recurrence' } : {}),
    },
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/**
 * byDue's and byPriority's keys for `item` once `fields` are written over it, or none when the
 * fields change neither its due day, its time nor its priority.
 */
function orderKeysAfter(item: TodoItem, fields: FieldChanges): Record<string, string> {
  if (!changesOrder(fields)) return {};
  const dueDate = fields.dueDate !== undefined ? fields.dueDate : (item.dueDate ?? null);
  // A todo without a day has no time (the update clears it with the day).
  const dueTime = !dueDate ? null : fields.dueTime !== undefined ? fields.dueTime : (item.dueTime ?? null);
  const priority = fields.priority ?? item.priority;
  return orderAttributes(idFromSortKey(item.sk), { dueDate, dueTime, priority });
}

/** Whether a patch changes a field byDue's and byPriority's keys are made of. */
function changesOrder(fields: FieldChanges): boolean {
  return ORDER_FIELDS.some((field) => fields[field] !== undefined);
}
