import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ListDeleteQuery } from '@todolist/sdk/contract';
import pMap from 'p-map';
import { BadRequestError, ListConflictError } from '../errors.js';
import { CHANGE_STAMP, leaveTombstone, newChangeStamp } from './change-stamp.js';
import { addressInviteKey, idFromSortKey, listKey, parseListSortKey, sharedRefKey } from './keys.js';
import { resolveList } from './list-access.js';
import { firstTodosOf, hasTodos } from './list-counts.js';
import type { ListAccess } from './list-item.js';
import { peopleOf } from './member-store.js';
import { positionsAtEnd } from './positions.js';
import type { Table } from './table.js';
import { placeAttributes, type TodoItem } from './todo-item.js';
import { buildUpdateExpression } from './update-expression.js';

/** Todos read, then deleted or moved, per round: writes go 25 at a time, as an import's. */
const TODOS_PER_ROUND = 100;
const WRITES_IN_FLIGHT = 25;

/**
 * Deletes a list with its todos (`todos=delete`) or after moving them to another of the
 * owner's lists (`moveTo`, last in its order, in the order they were made), its members and
 * invitations, then the list. The list is marked `deleting` first, which hides it from everyone
 * at once; a crash part-way leaves it hidden, and sending the same delete again finishes it.
 * Each todo costs one write; moving stays within the owner's partition, so each is one update.
 */
export async function deleteListAndTodos(
  table: Table,
  access: ListAccess,
  query: ListDeleteQuery,
  now: string,
): Promise<void> {
  const target = query.moveTo === undefined ? undefined : await moveTarget(table, access, query.moveTo);
  if (!query.todos && !target && (await hasTodos(table, access))) {
    throw new ListConflictError(
      'list_not_empty',
      `list "${access.item?.name}" still has todos: delete them with it (todos=delete) or move them first (moveTo=<listId>)`,
    );
  }
  await table.client.send(
    new UpdateCommand({
      TableName: table.name,
      Key: listKey(access.ownerId, access.listId),
      UpdateExpression: 'SET #deleting = :yes, #changeStamp = :changeStamp',
      ExpressionAttributeNames: { '#deleting': 'deleting', '#changeStamp': CHANGE_STAMP },
      ExpressionAttributeValues: { ':yes': true, ':changeStamp': newChangeStamp() },
    }),
  );
  for (
    let todos = await firstTodosOf(table, access, TODOS_PER_ROUND);
    todos.length > 0;
    todos = await firstTodosOf(table, access, TODOS_PER_ROUND)
  ) {
    if (target) await moveTodos(table, todos, target, access.ownerId, now);
    else await pMap(todos, (todo) => deleteItem(table, todo), { concurrency: WRITES_IN_FLIGHT });
  }
  await removePeople(table, access);
  await leaveTombstone(table, listKey(access.ownerId, access.listId), 'deleted');
}

async function moveTarget(table: Table, access: ListAccess, moveTo: string): Promise<ListAccess> {
  if (moveTo === access.listId) {
    throw new BadRequestError('invalid_query', 'moveTo must name another list than the one deleted');
  }
  const target = await resolveList(table, access.ownerId, moveTo);
  if (target.ownerId !== access.ownerId) {
    throw new BadRequestError('invalid_query', 'moveTo must be your Inbox or one of your own lists');
  }
  return target;
}

async function moveTodos(table: Table, todos: TodoItem[], target: ListAccess, by: string, now: string) {
  const positions = await positionsAtEnd(table, target.ownerId, target.listId, todos.length);
  await pMap(
    todos,
    async (todo, at) => {
      const place = placeAttributes(idFromSortKey(todo.sk), {
        listId: target.listId,
        position: positions[at] as string,
      });
      await table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: { pk: todo.pk, sk: todo.sk },
          ...buildUpdateExpression({}, now, { updatedBy: by, ...place }),
        }),
      );
    },
    { concurrency: WRITES_IN_FLIGHT },
  );
}

/**
 * Takes everyone off the list: each member item, and their reference (its tombstone tells them
 * the list was deleted), each invitation and its address's copy.
 */
async function removePeople(table: Table, access: ListAccess): Promise<void> {
  await pMap(
    await peopleOf(table, access),
    async (row) => {
      const parsed = parseListSortKey(row.sk);
      await deleteItem(table, { pk: row.pk, sk: row.sk });
      if (parsed?.kind === 'member' && parsed.personId) {
        await leaveTombstone(table, sharedRefKey(parsed.personId, access.listId), 'deleted');
      } else if (parsed?.kind === 'invite') {
        await deleteItem(table, addressInviteKey(row.email, access.ownerId, access.listId));
      }
    },
    { concurrency: WRITES_IN_FLIGHT },
  );
}

async function deleteItem(table: Table, key: { pk: string; sk: string }): Promise<void> {
  await table.client.send(new DeleteCommand({ TableName: table.name, Key: { pk: key.pk, sk: key.sk } }));
}
