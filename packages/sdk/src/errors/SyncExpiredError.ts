import { TodoSdkError } from './TodoSdkError.js';

/**
 * The changes cursor is older than the feed keeps (410, code `sync_expired`): what changed since
 * can no longer be told. Read every list and todo again, with a cursor asked for first, and
 * follow that one (`createSyncedStore` from `@todolist/sdk/sync` does this by itself).
 */
export class SyncExpiredError extends TodoSdkError {
  static override readonly kind: string = 'SyncExpiredError';
}

/** True when the value is a {@link SyncExpiredError}, from any copy of the SDK. */
export function isSyncExpiredError(value: unknown): value is SyncExpiredError {
  return value instanceof SyncExpiredError;
}
