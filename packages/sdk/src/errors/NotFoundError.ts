import { TodoSdkError } from './TodoSdkError.js';

/** No such todo for this caller (404). Another person's todo is "not found" too; a wrong `baseUrl` shows as code `route_not_found`. */
export class NotFoundError extends TodoSdkError {
  static override readonly kind: string = 'NotFoundError';
}

/** True when the value is a {@link NotFoundError}, from any copy of the SDK. */
export function isNotFoundError(value: unknown): value is NotFoundError {
  return value instanceof NotFoundError;
}
