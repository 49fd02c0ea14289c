import { TodoSdkError } from './TodoSdkError.js';

/** The caller's `AbortSignal` cancelled the call. */
export class AbortedError extends TodoSdkError {
  static override readonly kind: string = 'AbortedError';
}

/** True when the value is a {@link AbortedError}, from any copy of the SDK. */
export function isAbortedError(value: unknown): value is AbortedError {
  return value instanceof AbortedError;
}
