import { UnauthorizedError } from './UnauthorizedError.js';

/**
 * The API refused the caller, signed in as they are, what they asked (403): only a list's owner
 * may rename, delete or share it (code `owner_only`). Signing in again changes nothing. It is an
 * {@link UnauthorizedError} too, as every 403 was before lists, so code that catches those
 * still does; test for this class first to tell the two apart.
 */
export class ForbiddenError extends UnauthorizedError {
  static override readonly kind: string = 'ForbiddenError';
}

/** True when the value is a {@link ForbiddenError}, from any copy of the SDK. */
export function isForbiddenError(value: unknown): value is ForbiddenError {
  return value instanceof ForbiddenError;
}
