import { TodoSdkError } from './TodoSdkError.js';

/** No answer: the connection failed or was reset. The request may or may not have reached the server. */
export class NetworkError extends TodoSdkError {
  static override readonly kind: string = 'NetworkError';
}

/** True when the value is a {@link NetworkError}, from any copy of the SDK. */
export function isNetworkError(value: unknown): value is NetworkError {
  return value instanceof NetworkError;
}
