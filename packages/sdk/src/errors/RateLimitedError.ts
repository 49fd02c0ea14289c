import { TodoSdkError, type TodoSdkErrorOptions } from './TodoSdkError.js';

/** Too many requests (429), still so after the retries the call was allowed. */
export class RateLimitedError extends TodoSdkError {
  static override readonly kind: string = 'RateLimitedError';
  /** How long the server asked to wait before trying again, in seconds, when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: TodoSdkErrorOptions & { retryAfterSeconds?: number | undefined }) {
    super(message, options);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** True when the value is a {@link RateLimitedError}, from any copy of the SDK. */
export function isRateLimitedError(value: unknown): value is RateLimitedError {
  return value instanceof RateLimitedError;
}
