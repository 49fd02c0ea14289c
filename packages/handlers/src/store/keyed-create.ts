import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  IDEMPOTENCY_KEY_TTL_SECONDS,
  INBOX_LIST_ID,
  type Todo,
  type TodoCreate,
} from '@todolist/sdk/contract';
import { ulid } from 'ulid';
import { IdempotencyKeyReusedError } from '../errors.js';
import { keyClaimKey } from './keys.js';
import { itemAtFailedCondition, writeIf } from './table.js';
import { TTL_ATTRIBUTE } from './table-schema.js';
import { newTodoItem, type TodoPlace, toTodo } from './todo-item.js';

/** What a keyed create answers: the todo of that key, and whether an earlier request made it. */
export interface KeyedCreateOutcome {
  todo: Todo;
  replayed: boolean;
}

/**
 * The claim on an `Idempotency-Key`, kept in the owner's partition for a day. It names the todo
 * the key makes before that todo is written, so every execution of the request writes the same
 * item and the todo's own `attribute_not_exists` condition lets only one of them create it.
 */
interface Claim {
  pk: string;
  sk: string;
  /** A digest of the create's input: the same key with another body is refused. */
  requestHash: string;
  /** The todo as the first request makes it, and as every replay answers it. */
  todo: Todo;
  /** Whose partition the todo goes in: its list's owner (the caller, or who shared the list). */
  partitionOwner: string;
  /** Set once the todo is known written: a replay then never writes it again. */
  made?: boolean;
  /** When DynamoDB's TTL may remove the claim (epoch seconds); it counts as gone from then on. */
  [TTL_ATTRIBUTE]: number;
}

// Why not Powertools idempotency, which this code used before: its record only says "in
// progress" until the function returns, and an in-progress record expires with the invocation's
// time. A crash between the todo's write and the record's update (SIGKILL locally, a timeout on
// Lambda) let the client's resend run the create again under a new id: a duplicate. Here the
// todo's id is fixed by the first write (the claim), so re-executions converge on one item; and
// nothing is ever "in progress", so a resend is answered at once instead of with a 409.

/**
 * Creates at most one todo per owner and key, across concurrent requests, crashes and resends.
 * Three single-item conditional writes, as dynalite has no transactions:
 * 1. put the claim unless a live one exists (else read it: another body is a 422);
 * 2. put the claim's todo unless it exists (so a re-execution finds it instead);
 * 3. mark the claim made, so a replay after the person deleted the todo does not bring it back.
 */
export async function createWithKey(
  client: DynamoDBDocumentClient,
  tableName: string,
  request: {
    ownerId: string;
    key: string;
    input: TodoCreate;
    /** What the key's request is, to tell a resend from another request. @default input */
    request?: Record<string, unknown>;
    now: Date;
    /** Where the todo goes if this request is the first: worked out before the claim. */
    place: TodoPlace & { partitionOwner: string };
  },
): Promise<KeyedCreateOutcome> {
  const { ownerId, key, input, now, place } = request;
  const requestHash = hashOf(request.request ?? input);
  const proposed: Claim = {
    ...keyClaimKey(ownerId, key),
    requestHash,
    partitionOwner: place.partitionOwner,
    todo: toTodo(
      newTodoItem(place.partitionOwner, ulid(now.getTime()), input, now.toISOString(), place, ownerId),
    ),
    [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_KEY_TTL_SECONDS,
  };
  const existing = await putClaim(client, tableName, proposed, now);
  const claim = existing ?? proposed;
  if (claim.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
  if (!claim.made) {
    await putTodoOnce(client, tableName, claim.partitionOwner ?? ownerId, claim.todo);
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keyClaimKey(ownerId, key),
        UpdateExpression: 'SET made = :made',
        ExpressionAttributeValues: { ':made': true },
      }),
    );
  }
  return { todo: claim.todo, replayed: existing !== undefined };
}

/** Puts the claim unless a live one exists; answers the live one then, undefined when ours went in. */
async function putClaim(
  client: DynamoDBDocumentClient,
  tableName: string,
  claim: Claim,
  now: Date,
): Promise<Claim | undefined> {
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: claim,
        // TTL deletes lazily (within days), so an expired claim is overwritten as if gone.
        ConditionExpression: 'attribute_not_exists(pk) OR #expires < :now',
        ExpressionAttributeNames: { '#expires': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return undefined;
  } catch (error) {
    const held = await itemAtFailedCondition<Claim>({ client, name: tableName }, error, claim);
    // Gone between the two calls: it expired and was removed; claim the key again.
    return held ?? putClaim(client, tableName, claim, now);
  }
}

/** Writes the claimed todo unless it is there already (an earlier execution wrote it). */
async function putTodoOnce(
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  todo: Todo,
): Promise<void> {
  // A claim made before lists names no place or author: the Inbox, first, by its owner.
  const place = { listId: todo.listId ?? INBOX_LIST_ID, position: todo.position ?? 'a0' };
  const item = newTodoItem(ownerId, todo.id, todo, todo.createdAt, place, todo.createdBy ?? ownerId);
  await writeIf(
    client,
    new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
}

/** A digest of the input as parsed (defaults and folding applied), independent of key order. */
function hashOf(input: Record<string, unknown>): string {
  // The key list sorts the top level; a create's fields are flat (tags is an array of strings).
  const canonical = JSON.stringify(input, Object.keys(input).sort());
  return createHash('sha256').update(canonical).digest('base64url');
}
