import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The table's key schema and TTL attribute, shared by the local gateway (which creates the table
 * in dynalite) and the CDK stack (which creates it in AWS), so the two cannot differ.
 */
export const TABLE_KEY = {
  partitionKey: 'pk',
  sortKey: 'sk',
} as const;

/** The attribute DynamoDB's TTL reads (epoch seconds): an `Idempotency-Key`'s claim expires by it. */
export const TTL_ATTRIBUTE = 'expiration';

/**
 * The table as CreateTable takes it: the local gateway makes it so in dynalite, and the handlers'
 * tests per test file. The CDK stack declares the same keys (packages/infra's TodoTable).
 */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE_KEY.partitionKey, AttributeType: 'S' },
      { AttributeName: TABLE_KEY.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEY.sortKey, KeyType: 'RANGE' },
    ],
  };
}
