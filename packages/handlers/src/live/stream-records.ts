import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { CONNECTION_SK_PREFIX } from '../store/keys.js';
import type { ChangedItem } from './audience.js';

// What a DynamoDB stream record (NEW_AND_OLD_IMAGES) says about one write, as audienceOf reads it.

/** TTL's own deletes name DynamoDB itself as who made them; no person's write does. */
export function isTtlRemoval(record: DynamoDBRecord): boolean {
  const identity = record.userIdentity as { type?: unknown; principalId?: unknown } | undefined;
  return identity?.type === 'Service' && identity.principalId === 'dynamodb.amazonaws.com';
}

function image(attributes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  // Numbers stay wrapped: no attribute audienceOf reads is one, and a large one must not throw.
  return attributes && unmarshall(attributes as Record<string, AttributeValue>, { wrapNumbers: true });
}

/**
 * The written item a record is about, with its new and old images; undefined for a record no
 * feed shows: a TTL removal (a tombstone, a claim or a connection expiring), a live connection
 * coming or going (its own writes must not poke anyone), or a record without keys.
 */
export function changedItemOf(record: DynamoDBRecord): ChangedItem | undefined {
  if (isTtlRemoval(record)) return undefined;
  const keys = image(record.dynamodb?.Keys);
  const pk = keys?.pk;
  const sk = keys?.sk;
  if (typeof pk !== 'string' || typeof sk !== 'string' || sk.startsWith(CONNECTION_SK_PREFIX))
    return undefined;
  return { pk, sk, images: [image(record.dynamodb?.NewImage), image(record.dynamodb?.OldImage)] };
}

/** The identifier Lambda takes back in `batchItemFailures` for a stream record. */
export function sequenceNumberOf(record: DynamoDBRecord): string {
  return record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
}
