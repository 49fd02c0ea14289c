import type { FieldError } from '../contract/index.js';
import { TodoSdkError, type TodoSdkErrorOptions } from './TodoSdkError.js';

/**
 * The server answered, but not what the contract says it answers: the wrong shape, missing
 * fields, or not JSON. Raised at once rather than leaving `undefined` to surface later. Usually
 * a proxy in the way or a `baseUrl` pointing at something else.
 */
export class ResponseValidationError extends TodoSdkError {
  static override readonly kind: string = 'ResponseValidationError';
  /** Where the answer broke the contract. */
  readonly issues: readonly FieldError[];

  constructor(message: string, options: TodoSdkErrorOptions & { issues: readonly FieldError[] }) {
    super(message, options);
    this.issues = options.issues;
  }
}

/** True when the value is a {@link ResponseValidationError}, from any copy of the SDK. */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return value instanceof ResponseValidationError;
}
