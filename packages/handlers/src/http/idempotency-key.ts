import { MAX_IDEMPOTENCY_KEY_LENGTH } from '@todolist/sdk/contract';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { BadRequestError } from '../errors.js';
import { header } from './headers.js';

// Visible ASCII only: the key is echoed in logs and compared byte for byte.
const KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`);

/** The request's `Idempotency-Key`, or undefined when it has none. */
export function idempotencyKey(event: APIGatewayProxyEvent): string | undefined {
  const value = header(event, 'idempotency-key');
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new BadRequestError(
      'invalid_header',
      `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, such as a UUID`,
    );
  }
  return value;
}
