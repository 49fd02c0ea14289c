// The DynamoDB calls the three measured routes make, sent straight to dynalite: the same commands,
// key shapes and options as src/store/todo-store.ts, without the gateway or the handler around them.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';

/** A stored todo as TodoStore.create writes it. */
export function todoItem(ownerId, title) {
  const now = new Date().toISOString();
  return {
    pk: `USER#${ownerId}`,
    sk: `TODO#${ulid()}`,
    title,
    completed: false,
    priority: 'normal',
    tags: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** One function per measured route, each making that route's DynamoDB call. */
export function rawCalls(documentClient, tableName, ownerId) {
  const pk = `USER#${ownerId}`;
  return {
    /** getTodo: a consistent GetItem by key. */
    getTodo: (id) =>
      documentClient.send(
        new GetCommand({ TableName: tableName, Key: { pk, sk: `TODO#${id}` }, ConsistentRead: true }),
      ),
    /** createTodo: a PutItem that must not overwrite. */
    createTodo: () =>
      documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: todoItem(ownerId, 'Benchmark todo'),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    /** listTodos with limit 25 and no filter: one Query for 26 items (one more proves a next page). */
    listTodos: () =>
      documentClient.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :todo)',
          ExpressionAttributeValues: { ':pk': pk, ':todo': 'TODO#' },
          Limit: 26,
        }),
      ),
  };
}

/** Writes `count` todos straight to the table and returns their ids. */
export async function seedRaw(documentClient, tableName, ownerId, count) {
  const ids = [];
  for (let index = 0; index < count; index++) {
    const item = todoItem(ownerId, `Seeded todo ${index + 1}`);
    await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
    ids.push(item.sk.slice('TODO#'.length));
  }
  return ids;
}
