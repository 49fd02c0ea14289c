import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ownerPartition } from './keys.js';
import type { ListAccess } from './list-item.js';
import { queryPages, type Table } from './table.js';
import { TODO_INDEXES } from './table-schema.js';
import type { TodoItem } from './todo-item.js';

/** The Query of one list's range of byList: its todos, in creation order. */
function listRange(access: ListAccess) {
  return {
    IndexName: TODO_INDEXES.byList.name,
    KeyConditionExpression: 'pk = :pk AND begins_with(#order, :list)',
    ExpressionAttributeNames: { '#order': TODO_INDEXES.byList.sortKey },
    ExpressionAttributeValues: { ':pk': ownerPartition(access.ownerId), ':list': `${access.listId}#` },
  };
}

/**
 * How many todos of the list are not completed: a COUNT Query of its byList range. It reads
 * every todo of the list (DynamoDB counts after reading), so it costs what the list holds:
 * about 1 read unit per 8 KB of todos, eventually consistent, as a count may lag a moment.
 */
export async function countOpen(table: Table, access: ListAccess): Promise<number> {
  const range = listRange(access);
  let count = 0;
  const pages = queryPages(table, {
    ...range,
    FilterExpression: '#completed = :open',
    ExpressionAttributeNames: { ...range.ExpressionAttributeNames, '#completed': 'completed' },
    ExpressionAttributeValues: { ...range.ExpressionAttributeValues, ':open': false },
    Select: 'COUNT',
  });
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}

/** The list's first `limit` todos in creation order: one consistent Query. */
export async function firstTodosOf(table: Table, access: ListAccess, limit: number): Promise<TodoItem[]> {
  const { Items } = await table.client.send(
    new QueryCommand({ ...listRange(access), TableName: table.name, ConsistentRead: true, Limit: limit }),
  );
  return (Items ?? []) as TodoItem[];
}

/** Whether the list has any todo at all: a Query of one item. */
export async function hasTodos(table: Table, access: ListAccess): Promise<boolean> {
  return (await firstTodosOf(table, access, 1)).length > 0;
}
