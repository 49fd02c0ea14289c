import { TodoSdkError, type TodoSdkErrorOptions } from './TodoSdkError.js';

/**
 * The todo changed since the version given in `ifMatch` (412); nothing was changed. Read it
 * again and reapply the change, or use `todos.updateWith`, which does that for you.
 */
export class PreconditionFailedError extends TodoSdkError {
  static override readonly kind: string = 'PreconditionFailedError';
  /** The todo's current version, from the answer's ETag, when the server sent one. */
  readonly currentVersion: number | undefined;

  constructor(message: string, options: TodoSdkErrorOptions & { currentVersion?: number | undefined }) {
    super(message, options);
    this.currentVersion = options.currentVersion;
  }
}

/** True when the value is a {@link PreconditionFailedError}, from any copy of the SDK. */
export function isPreconditionFailedError(value: unknown): value is PreconditionFailedError {
  return value instanceof PreconditionFailedError;
}
