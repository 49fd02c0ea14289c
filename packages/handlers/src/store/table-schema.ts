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
