import { TodoSdkError } from './TodoSdkError.js';

/** The request conflicts with another in flight (409), such as a create whose `Idempotency-Key` is still being handled. */
export class ConflictError extends TodoSdkError {
  static override readonly kind: string = 'ConflictError';
}

/** True when the value is a {@link ConflictError}, from any copy of the SDK. */
export function isConflictError(value: unknown): value is ConflictError {
  return value instanceof ConflictError;
}
