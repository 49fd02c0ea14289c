import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PreconditionFailedError } from '../errors.js';
import { CHANGE_STAMP, GONE, isGone, newChangeStamp } from './change-stamp.js';
import { idFromSortKey, ownerOfPartition, todoKey } from './keys.js';
import type { ListAccess } from './list-item.js';
import { type Table, writeIf } from './table.js';
import { placeAttributes, type TodoItem, todoTombstone } from './todo-item.js';

/**
 * Moves a todo to a list in another partition (between one person's list and a list another
 * shares), which no single write can do. Without transactions it is three conditional writes,
 * each safe to repeat:
 * 1. mark the original `movingTo` the target partition (if still at the version read);
 * 2. put the copy there, with the same id (a deterministic key, so a repeat finds it);
 * 3. turn the original into its tombstone ("moved"), which tells those who saw it there.
 * A crash after 1 or 2 leaves a marked original; every reader (locate-todo.ts, the listing)
 * then takes the copy if it exists and the original if not, so the todo is never shown twice
 * nor lost, and the next change to it finishes or ignores the move.
 */
export async function moveAcross(
  table: Table,
  original: TodoItem,
  target: ListAccess,
  change: { position: string; by: string; now: string },
): Promise<TodoItem> {
  const id = idFromSortKey(original.sk);
  const marked = await writeIf(
    table.client,
    new UpdateCommand({
      TableName: table.name,
      Key: { pk: original.pk, sk: original.sk },
      UpdateExpression: 'SET #movingTo = :target',
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#movingTo': 'movingTo', '#version': 'version' },
      ExpressionAttributeValues: { ':target': target.ownerId, ':version': original.version },
    }),
  );
  // Changed since it was read: the caller reads it again and repeats the move.
  if (!marked) throw new PreconditionFailedError(id, original.version, original.version + 1, 'todo');
  // The lists it left in the original's partition mean nothing in the copy's.
  const { movingTo: _marker, leftLists: _left, ...fields } = original;
  const copy: TodoItem = {
    ...fields,
    ...todoKey(target.ownerId, id),
    ...placeAttributes(id, { listId: target.listId, position: change.position }),
    updatedBy: change.by,
    updatedAt: change.now,
    version: original.version + 1,
    [CHANGE_STAMP]: newChangeStamp(),
  };
  const placed = await putUnlessPresent(table, copy);
  const tombstone = todoTombstone(new Date(change.now), change.by, {
    reason: 'moved',
    movedTo: { ownerId: target.ownerId, listId: target.listId },
  });
  const deleted = await writeIf(
    table.client,
    new UpdateCommand({
      TableName: table.name,
      Key: { pk: original.pk, sk: original.sk },
      ...tombstone,
      ConditionExpression: '#movingTo = :target',
      ExpressionAttributeValues: { ...tombstone.ExpressionAttributeValues, ':target': target.ownerId },
    }),
  );
  if (!deleted) await giveWayToChange(table, original, placed);
  return placed;
}

/**
 * The original's delete failed: either another run of this move deleted it already (the copy
 * stands), or a change read the original before the copy existed and took it back, clearing the
 * mark. Then the change wins: the copy goes, and the mover hears 412 and may read and move again.
 */
async function giveWayToChange(table: Table, original: TodoItem, copy: TodoItem): Promise<void> {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.name,
      Key: { pk: original.pk, sk: original.sk },
      ConsistentRead: true,
    }),
  );
  const current = Item as TodoItem | undefined;
  if (!current || isGone(current) || current.movingTo !== undefined) return;
  // Whoever saw the copy hears it went back.
  const tombstone = todoTombstone(new Date(), copy.updatedBy, {
    reason: 'moved',
    movedTo: { ownerId: ownerOfPartition(original.pk), listId: original.listId },
  });
  await table.client.send(
    new UpdateCommand({ TableName: table.name, Key: { pk: copy.pk, sk: copy.sk }, ...tombstone }),
  );
  throw new PreconditionFailedError(idFromSortKey(original.sk), original.version, current.version, 'todo');
}

/**
 * Puts the copy; when an earlier run of the move put it already, answers that one. A tombstone
 * of the same id (the todo was here before and moved away) is no copy: the put replaces it.
 */
async function putUnlessPresent(table: Table, copy: TodoItem): Promise<TodoItem> {
  const put = new PutCommand({
    TableName: table.name,
    Item: copy,
    ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(#gone)',
    ExpressionAttributeNames: { '#gone': GONE },
  });
  if (await writeIf(table.client, put)) return copy;
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.name, Key: { pk: copy.pk, sk: copy.sk }, ConsistentRead: true }),
  );
  return (Item as TodoItem | undefined) ?? copy;
}
