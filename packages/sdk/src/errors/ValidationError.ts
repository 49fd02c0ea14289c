import { TodoSdkError } from './TodoSdkError.js';

/** The server refused the request as invalid (400, 413, 415, 422), or the SDK did before sending it; `fieldErrors` says what to change. Retrying the same request cannot succeed. */
export class ValidationError extends TodoSdkError {
  static override readonly kind: string = 'ValidationError';
}

/** True when the value is a {@link ValidationError}, from any copy of the SDK. */
export function isValidationError(value: unknown): value is ValidationError {
  return value instanceof ValidationError;
}
