import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The table's key schema, indexes and TTL attribute, shared by the local gateway (which creates
 * the table in dynalite) and the CDK stack (which creates it in AWS), so the two cannot differ.
 */
export const TABLE_KEY = {
  partitionKey: 'pk',
  sortKey: 'sk',
} as const;

/**
 * The local secondary indexes, each sorting a partition's todos another way. Local, not global,
 * because an LSI is read as consistently as its item: a list read right after a create or a move
 * shows it. Each is sparse: an item without the attribute (a list, a claim) is not in it.
 * These five are all a table may have. byDue and byPriority span the whole partition, not one
 * list, so a move within it or to another partition (a copy of the item) leaves them as they are.
 */
export const TODO_INDEXES = {
  /** `<listId>#<todoId>`: one list's todos in creation order. */
  byList: { name: 'byList', sortKey: 'listOrder' },
  /** `<listId>#<position>#<todoId>`: one list's todos in its manual order. */
  byPosition: { name: 'byPosition', sortKey: 'positionOrder' },
  /** The change stamp every write carries: the partition's changes in order (the changes feed). */
  byChange: { name: 'byChange', sortKey: 'changeStamp' },
  /** `<due day and time>#<priority>#<todoId>`: the partition's todos by when they are due (sort=due). */
  byDue: { name: 'byDue', sortKey: 'dueOrder' },
  /** `<priority>#<due day and time>#<todoId>`: the partition's todos by priority (sort=priority). */
  byPriority: { name: 'byPriority', sortKey: 'priorityOrder' },
} as const;

/** The attribute DynamoDB's TTL reads (epoch seconds): an `Idempotency-Key`'s claim expires by it. */
export const TTL_ATTRIBUTE = 'expiration';

/**
 * The table as CreateTable takes it: the local gateway makes it so in dynalite, and the handlers'
 * tests per test file. The CDK stack declares the same keys and indexes (packages/infra's TodoTable).
 */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const indexes = Object.values(TODO_INDEXES);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE_KEY.partitionKey, AttributeType: 'S' },
      { AttributeName: TABLE_KEY.sortKey, AttributeType: 'S' },
      ...indexes.map((index) => ({ AttributeName: index.sortKey, AttributeType: 'S' as const })),
    ],
    KeySchema: [
      { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEY.sortKey, KeyType: 'RANGE' },
    ],
    LocalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
