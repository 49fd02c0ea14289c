import { TodoSdkError } from './TodoSdkError.js';

/** No answer in time: an attempt took longer than `timeout.attemptMs`, or the call longer than `timeout.totalMs`. */
export class TimeoutError extends TodoSdkError {
  static override readonly kind: string = 'TimeoutError';
}

/** True when the value is a {@link TimeoutError}, from any copy of the SDK. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return value instanceof TimeoutError;
}
