import { TodoSdkError } from './TodoSdkError.js';

/** The server failed (5xx) and retries, if any, did not help. Quote `requestId` when reporting it. */
export class ServerError extends TodoSdkError {
  static override readonly kind: string = 'ServerError';
}

/** True when the value is a {@link ServerError}, from any copy of the SDK. */
export function isServerError(value: unknown): value is ServerError {
  return value instanceof ServerError;
}
