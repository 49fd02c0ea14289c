import { isTodoSdkError, type List } from '@todolist/sdk';
import { UsageError } from '../errors.js';
import { listLabel } from './list-book.js';

/**
 * Runs a change only a list's owner may make. A member's attempt comes back as 403
 * `owner_only`, which the SDK throws as its UnauthorizedError: it is said here as what it is
 * (exit 2), never as "sign in again".
 */
export async function asOwner<T>(
  list: Pick<List, 'name'>,
  action: string,
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (hasCode(error, 'owner_only'))
      throw new UsageError(`only the list's owner can ${action} ${listLabel(list)}`, { cause: error });
    throw error;
  }
}

/** True when the API (or the SDK, checking before it sends) refused with this problem code. */
export function hasCode(error: unknown, code: string): boolean {
  return isTodoSdkError(error) && error.code === code;
}
