import { LIST_SK_PREFIX, ownerPartition, SHARED_SK_PREFIX, TODO_SK_PREFIX } from '../store/keys.js';
import { TTL_ATTRIBUTE } from '../store/table-schema.js';

// Which stream records the pusher's event source mapping lets through, as Lambda's filter
// patterns (ORed; DynamoDB mappings filter on the record's `dynamodb` key only, so TTL's own
// removals cannot be told by their `userIdentity` here: they are told by what they remove).
// Dropped records cost no invocation at all.

/** The keys audienceOf can find anyone for: a person's todos, lists (with their people) and shared-list references. */
const KEYS = {
  pk: { S: [{ prefix: ownerPartition('') }] },
  sk: { S: [TODO_SK_PREFIX, LIST_SK_PREFIX, SHARED_SK_PREFIX].map((prefix) => ({ prefix })) },
};

/**
 * The pusher's filter patterns, for `lambda.FilterCriteria.filter`: a write (its record has a
 * new image) of an item someone's feed shows, or a removal of one that carried no expiry. TTL
 * removes only items with an expiry (tombstones past the feed's retention, `Idempotency-Key`
 * claims, live connections), and none of those removals changes what a feed shows. Connection
 * items (`LIVE#`) never pass: their keys are none of these.
 */
export const LIVE_STREAM_FILTERS: readonly Record<string, unknown>[] = [
  { dynamodb: { Keys: KEYS, NewImage: { pk: { S: [{ exists: true }] } } } },
  { dynamodb: { Keys: KEYS, OldImage: { [TTL_ATTRIBUTE]: { N: [{ exists: false }] } } } },
];
