import { TodoSdkError } from './TodoSdkError.js';

/**
 * The request had no valid credentials (401) or was not allowed (403). The API's own 403, a
 * refusal of what was asked rather than of who asks, is the subclass `ForbiddenError`.
 */
export class UnauthorizedError extends TodoSdkError {
  static override readonly kind: string = 'UnauthorizedError';
}

/** True when the value is a {@link UnauthorizedError}, from any copy of the SDK. */
export function isUnauthorizedError(value: unknown): value is UnauthorizedError {
  return value instanceof UnauthorizedError;
}
