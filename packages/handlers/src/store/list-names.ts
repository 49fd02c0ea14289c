import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { sameListName } from '@todolist/sdk/contract';
import { ListConflictError } from '../errors.js';
import { listKey, listNameKey } from './keys.js';
import type { ListItem } from './list-item.js';
import { type Table, writeIf } from './table.js';

// A person's list names are unique, case aside, so a list can be named in the CLI and an import
// that names a list finds the one it made before instead of making another. Without
// transactions, a name is a claim item written before the list takes it: concurrent creates of
// one name race on the claim's condition and one wins. A claim left by a crash (its list never
// took the name, or was renamed or deleted since) is stale, and the next claim overwrites it.

const taken = (name: string) =>
  new ListConflictError('list_name_taken', `you already have a list named "${name}": choose another name`);

/** Claims `name` for `listId` among the owner's lists, or a 409 when a live list has it. */
export async function claimListName(
  table: Table,
  ownerId: string,
  name: string,
  listId: string,
): Promise<void> {
  if (sameListName(name, 'Inbox')) throw taken('Inbox');
  const key = listNameKey(ownerId, name);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
    );
    const claim = Item as { listId: string } | undefined;
    if (claim?.listId === listId) return;
    if (claim && (await holdsName(table, ownerId, claim.listId, name))) throw taken(name);
    const claimed = await writeIf(
      table.client,
      new PutCommand({
        TableName: table.name,
        Item: { ...key, listId },
        // Unchanged since read: absent, or the same stale claim.
        ConditionExpression: claim ? '#listId = :stale' : 'attribute_not_exists(pk)',
        ...(claim
          ? {
              ExpressionAttributeNames: { '#listId': 'listId' },
              ExpressionAttributeValues: { ':stale': claim.listId },
            }
          : {}),
      }),
    );
    if (claimed) return;
    // Another claim went in meanwhile: look at it again.
  }
  throw taken(name);
}

/** Gives up the claim on `name`, if `listId` holds it. */
export async function releaseListName(
  table: Table,
  ownerId: string,
  name: string,
  listId: string,
): Promise<void> {
  await writeIf(
    table.client,
    new DeleteCommand({
      TableName: table.name,
      Key: listNameKey(ownerId, name),
      ConditionExpression: '#listId = :listId',
      ExpressionAttributeNames: { '#listId': 'listId' },
      ExpressionAttributeValues: { ':listId': listId },
    }),
  );
}

async function holdsName(table: Table, ownerId: string, listId: string, name: string): Promise<boolean> {
  const { Item } = await table.client.send(
    new GetCommand({ TableName: table.name, Key: listKey(ownerId, listId), ConsistentRead: true }),
  );
  const list = Item as ListItem | undefined;
  return !!list && !list.deleting && sameListName(list.name, name);
}
