import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  INBOX_LIST_ID,
  type List,
  type ListCreate,
  type ListDeleteQuery,
  type ListPage,
  type ListPatch,
  type ListsFilter,
  MAX_LISTS,
  sameListName,
} from '@todolist/sdk/contract';
import { ulid } from 'ulid';
import { LimitReachedError, ListConflictError, PreconditionFailedError } from '../errors.js';
import { newChangeStamp } from './change-stamp.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { listKey } from './keys.js';
import { everyListOf, ownLists, resolveList, resolveOwnList } from './list-access.js';
import { listIdNamed } from './list-by-name.js';
import { countOpen } from './list-counts.js';
import { deleteListAndTodos } from './list-deletion.js';
import { inboxAccess, type ListAccess, type ListItem, ownListAccess, toList } from './list-item.js';
import { claimListName, releaseListName } from './list-names.js';
import { countPeople } from './member-store.js';
import type { Table } from './table.js';
import { buildUpdateExpression } from './update-expression.js';

/** What the list store needs besides its client. */
export interface ListStoreOptions {
  tableName: string;
  /** The key that signs list cursors, asked for on the first page past the first. */
  cursorSigningKey: () => Promise<string>;
  now?: () => Date;
}

const inboxFixed = () =>
  new ListConflictError(
    'inbox_fixed',
    'the Inbox is always there as it is: it cannot be renamed, archived, deleted or shared',
  );

/**
 * The lists a person can see: their Inbox (no item: always there), the lists they own (in their
 * partition) and the lists others share with them. Only the owner renames, archives or deletes.
 */
export class ListStore {
  readonly #table: Table;
  readonly #cursorKey: () => Promise<string>;
  readonly #now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: ListStoreOptions) {
    this.#table = { client, name: options.tableName };
    this.#cursorKey = options.cursorSigningKey;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * A page of the caller's lists: the Inbox, then their own and shared lists in the order they
   * were made (list ids are ULIDs). Reads every list's item (at most MAX_LISTS own and
   * MAX_SHARED_LISTS shared), then counts the open todos of the page's lists alone.
   */
  async list(callerId: string, filter: ListsFilter): Promise<ListPage> {
    const fingerprint = `lists|${filter.archived}`;
    const after = filter.cursor
      ? decodeCursor(await this.#cursorKey(), callerId, filter.cursor, fingerprint).after
      : undefined;
    const { own, shared } = await everyListOf(this.#table, callerId);
    const everyList: ListAccess[] = [
      inboxAccess(callerId),
      ...[...own.lists.map((item) => ownListAccess(callerId, item)), ...shared].sort((a, b) =>
        a.listId < b.listId ? -1 : 1,
      ),
    ];
    const wanted = everyList.filter((access) => {
      const archived = access.item?.archived ?? false;
      return filter.archived === 'include' || (filter.archived === 'only') === archived;
    });
    const start = after === undefined ? 0 : wanted.findIndex((access) => access.listId === after) + 1;
    const page = wanted.slice(start, start + filter.limit);
    const items = await Promise.all(
      page.map(async (access) =>
        toList(access, {
          openCount: await countOpen(this.#table, access),
          shared: access.role === 'member' || (own.people.get(access.listId) ?? 0) > 0,
        }),
      ),
    );
    const last = page.at(-1);
    const nextCursor =
      start + filter.limit < wanted.length && last
        ? encodeCursor(await this.#cursorKey(), callerId, { after: last.listId, filter: fingerprint })
        : null;
    return { items, nextCursor };
  }

  /** Makes a list, its name unique among the caller's (case aside). */
  async create(callerId: string, input: ListCreate): Promise<List> {
    const { lists } = await ownLists(this.#table, callerId);
    if (lists.length >= MAX_LISTS) {
      throw new LimitReachedError('lists', MAX_LISTS);
    }
    const listId = ulid();
    const { name } = input;
    await claimListName(this.#table, callerId, name, listId);
    const now = this.#now().toISOString();
    const item: ListItem = {
      ...listKey(callerId, listId),
      name,
      archived: false,
      createdAt: now,
      updatedAt: now,
      version: 1,
      changeStamp: newChangeStamp(),
    };
    await this.#table.client.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return toList(ownListAccess(callerId, item), { openCount: 0, shared: false });
  }

  /** One list the caller can see, with its open count. */
  async get(callerId: string, listId: string): Promise<List> {
    return this.#view(await resolveList(this.#table, callerId, listId));
  }

  /** The id of the list the caller means by `name` (own or shared, case aside), if any; see list-by-name.ts. */
  idNamed(callerId: string, name: string): Promise<string | undefined> {
    return listIdNamed(this.#table, callerId, name);
  }

  /** Throws {@link ListNotFoundError} unless the caller can see the list. */
  async mustSee(callerId: string, listId: string): Promise<void> {
    await resolveList(this.#table, callerId, listId);
  }

  /** Renames or archives the caller's own list; with `expectedVersion`, only at that version. */
  async update(callerId: string, listId: string, patch: ListPatch, expectedVersion?: number): Promise<List> {
    if (listId === INBOX_LIST_ID) {
      await resolveList(this.#table, callerId, listId);
      throw inboxFixed();
    }
    const access = await resolveOwnList(this.#table, callerId, listId, 'rename or archive it');
    const current = access.item as ListItem;
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new PreconditionFailedError(listId, expectedVersion, current.version, 'list');
    }
    const renamed = patch.name !== undefined && !sameListName(patch.name, current.name);
    if (patch.name !== undefined) await claimListName(this.#table, callerId, patch.name, listId);
    const expression = buildUpdateExpression(patch, this.#now().toISOString());
    let updated: ListItem;
    try {
      const { Attributes } = await this.#table.client.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: listKey(callerId, listId),
          ...expression,
          ConditionExpression: '#version = :read AND attribute_not_exists(#deleting)',
          ExpressionAttributeNames: { ...expression.ExpressionAttributeNames, '#deleting': 'deleting' },
          ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ':read': current.version },
          ReturnValues: 'ALL_NEW',
        }),
      );
      updated = Attributes as ListItem;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (renamed) await releaseListName(this.#table, callerId, patch.name as string, listId);
      throw new PreconditionFailedError(
        listId,
        expectedVersion ?? current.version,
        current.version + 1,
        'list',
      );
    }
    if (renamed) await releaseListName(this.#table, callerId, current.name, listId);
    return this.#view({ ...access, item: updated });
  }

  /**
   * Deletes the caller's own list. One with todos needs `todos=delete` or `moveTo` (one of the
   * caller's own lists), else a 409 that says so; see list-deletion.ts.
   */
  async delete(callerId: string, listId: string, query: ListDeleteQuery): Promise<void> {
    if (listId === INBOX_LIST_ID) {
      await resolveList(this.#table, callerId, listId);
      throw inboxFixed();
    }
    const access = await resolveOwnList(this.#table, callerId, listId, 'delete it', { deleting: true });
    await deleteListAndTodos(this.#table, access, query, this.#now().toISOString());
    await releaseListName(this.#table, callerId, (access.item as ListItem).name, listId);
  }

  async #view(access: ListAccess): Promise<List> {
    const [openCount, people] = await Promise.all([
      countOpen(this.#table, access),
      access.role === 'owner' && access.item ? countPeople(this.#table, access) : Promise.resolve(1),
    ]);
    return toList(access, { openCount, shared: access.item !== undefined && people > 0 });
  }
}
