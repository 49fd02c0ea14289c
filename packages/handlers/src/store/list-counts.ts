import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ownerPartition } from './keys.js';
import type { ListAccess } from './list-item.js';
import type { Table } from './table.js';
import { TODO_INDEXES } from './table-schema.js';

/**
 * How many todos of the list are not completed: a COUNT Query of its byList range. It reads
 * every todo of the list (DynamoDB counts after reading), so it costs what the list holds:
 * about 1 read unit per 8 KB of todos, eventually consistent, as a count may lag a moment.
 */
export async function countOpen(table: Table, access: ListAccess): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: TODO_INDEXES.byList.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(#order, :list)',
        FilterExpression: '#completed = :open',
        ExpressionAttributeNames: { '#order': TODO_INDEXES.byList.sortKey, '#completed': 'completed' },
        ExpressionAttributeValues: {
          ':pk': ownerPartition(access.ownerId),
          ':list': `${access.listId}#`,
          ':open': false,
        },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** Whether the list has any todo at all: a Query of one item. */
export async function hasTodos(table: Table, access: ListAccess): Promise<boolean> {
  const { Items } = await table.client.send(
    new QueryCommand({
      TableName: table.name,
      IndexName: TODO_INDEXES.byList.name,
      KeyConditionExpression: 'pk = :pk AND begins_with(#order, :list)',
      ExpressionAttributeNames: { '#order': TODO_INDEXES.byList.sortKey },
      ExpressionAttributeValues: { ':pk': ownerPartition(access.ownerId), ':list': `${access.listId}#` },
      ConsistentRead: true,
      Limit: 1,
    }),
  );
  return (Items ?? []).length > 0;
}
