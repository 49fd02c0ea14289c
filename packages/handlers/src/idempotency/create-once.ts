import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { IDEMPOTENCY_KEY_TTL_SECONDS, type Todo, type TodoCreate } from '@todolist/sdk/contract';
import type { Context } from 'aws-lambda';
import { config, dynamoDbClient, store } from '../container.js';
import { TodoApiError } from '../http/errors.js';
import { TABLE_KEY, TTL_ATTRIBUTE } from '../store/table-schema.js';

/** What a keyed create remembers: the todo it made. */
interface CreateOutcome {
  todo: Todo;
  /** Set on a replay: the todo was made by an earlier request with the same key. */
  replayed?: boolean;
}

/** The arguments of a keyed create, hashed by Powertools: the key per owner, the input for validation. */
interface KeyedCreate {
  ownerId: string;
  key: string;
  input: TodoCreate;
}

// Idempotency records live in the todo table under their own partition (DESIGN.md), with a fixed
// prefix instead of the Lambda function's name, which changes when the function is replaced.
const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: config.tableName,
  keyAttr: TABLE_KEY.partitionKey,
  sortKeyAttr: TABLE_KEY.sortKey,
  staticPkValue: 'IDEMPOTENCY#createTodo',
  expiryAttr: TTL_ATTRIBUTE,
  awsSdkV3Client: dynamoDbClient,
});

const idempotencyConfig = new IdempotencyConfig({
  // The key is scoped to the owner: two people may pick the same key without meeting.
  eventKeyJmesPath: '[ownerId, key]',
  payloadValidationJmesPath: 'input',
  expiresAfterSeconds: IDEMPOTENCY_KEY_TTL_SECONDS,
  responseHook: (response) => ({ ...(response as object), replayed: true }),
});

const createOnce = makeIdempotent(
  async (request: KeyedCreate): Promise<CreateOutcome> => ({
    todo: await store.create(request.ownerId, request.input),
  }),
  { persistenceStore, config: idempotencyConfig, keyPrefix: 'createTodo' },
);

/**
 * Creates a todo once per owner and `Idempotency-Key`: a replay returns the first todo and
 * creates nothing; the key with another body is a 422, and while the first request still runs,
 * a 409 with `Retry-After`.
 */
export async function createTodoOnce(
  request: KeyedCreate,
  context: Context | undefined,
): Promise<CreateOutcome> {
  if (context) idempotencyConfig.registerLambdaContext(context);
  try {
    return await createOnce(request);
  } catch (error) {
    if (error instanceof IdempotencyValidationError) {
      throw new TodoApiError(
        'idempotency_key_reused',
        `Idempotency-Key ${request.key} was first used with another body: use a new key for a new todo`,
        { cause: error },
      );
    }
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new TodoApiError(
        'idempotency_in_progress',
        `a request with Idempotency-Key ${request.key} is still being handled: retry in a moment`,
        { cause: error, headers: { 'Retry-After': '1' } },
      );
    }
    throw error;
  }
}
