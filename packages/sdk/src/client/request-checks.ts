import type * as z from 'zod/mini';
import {
  type FieldError,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  summarizeFieldErrors,
  TodoId,
  toFieldErrors,
} from '../contract/index.js';
import type { FailedRequest } from '../errors/TodoSdkError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { newIdempotencyKey } from './idempotency-key.js';

/** Refuses to send a request: a {@link ValidationError} saying why, as the server's refusal would. */
function refuse(
  request: FailedRequest,
  code: string,
  message: string,
  fieldErrors?: readonly FieldError[],
): never {
  throw new ValidationError(`${request.method} ${request.path} not sent: ${message}`, {
    request,
    code,
    fieldErrors,
  });
}

/**
 * Checks a request's input against the contract before sending it, so a mistake costs no
 * round trip and reads the same as the server's refusal would: a {@link ValidationError}.
 */
export function checkInput<Schema extends z.ZodMiniType>(
  schema: Schema,
  input: unknown,
  request: FailedRequest,
  code: 'validation_failed' | 'invalid_query' = 'validation_failed',
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = toFieldErrors(
    result.error,
    code === 'invalid_query' ? { unknownKeyNoun: 'option' } : {},
  );
  return refuse(request, code, summarizeFieldErrors(fieldErrors), fieldErrors);
}

/** The id, checked to be a todo id, so it can never reach another path. */
export function checkId(id: string, request: FailedRequest): string {
  return checkInput(TodoId, id, request, 'validation_failed');
}

/**
 * The `If-Match` header for a version: a number becomes its ETag (`"3"`); a string must be such
 * an ETag, as a previous answer's `ETag` header gives it.
 */
export function ifMatchHeader(
  ifMatch: number | string | undefined,
  request: FailedRequest,
): Record<string, string> {
  if (ifMatch === undefined) return {};
  if (typeof ifMatch === 'number') {
    if (!Number.isSafeInteger(ifMatch) || ifMatch < 1)
      refuse(request, 'invalid_header', `ifMatch must be a version, a whole number from 1 (got ${ifMatch})`);
    return { 'If-Match': `"${ifMatch}"` };
  }
  if (!/^"?[1-9]\d{0,14}"?$/.test(ifMatch)) {
    refuse(
      request,
      'invalid_header',
      `ifMatch must be a version or its ETag, such as "3" (got ${JSON.stringify(ifMatch)})`,
    );
  }
  return { 'If-Match': ifMatch };
}

/** The `Idempotency-Key` header of a create: the caller's key, a fresh one, or none for `false`. */
export function idempotencyKeyHeader(
  key: string | false | undefined,
  request: FailedRequest,
): Record<string, string> {
  if (key === false) return {};
  if (key === undefined) return { 'Idempotency-Key': newIdempotencyKey() };
  if (!new RegExp(`^[\\x21-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`).test(key)) {
    refuse(
      request,
      'invalid_header',
      `idempotencyKey must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, such as a UUID`,
    );
  }
  return { 'Idempotency-Key': key };
}
