// @ts-check
// What went wrong with a call, in words for the person using the page. The SDK's typed errors
// tell the cases apart; their messages are for developers (method, path, request id).
import {
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isRateLimitedError,
  isServerError,
  isTimeoutError,
  isTodoSdkError,
  isUnauthorizedError,
  isValidationError,
} from '/vendor/todolist-sdk.min.js';

/**
 * Why a call failed, as the end of a sentence: "the server could not be reached".
 * @param {unknown} error
 */
export function reasonOf(error) {
  if (isNetworkError(error)) return 'the server could not be reached';
  if (isTimeoutError(error)) return 'the server took too long to answer';
  if (isRateLimitedError(error)) return 'too many changes at once; try again in a moment';
  if (isServerError(error)) return `the server had a problem (${error.status ?? 'error'})`;
  if (isNotFoundError(error)) return 'it no longer exists';
  if (isPreconditionFailedError(error)) return 'it was changed elsewhere';
  // A 403 (owner_only) is not a sign-out: the person is signed in, but not the list's owner.
  if (isUnauthorizedError(error))
    return error.status === 403 ? 'only the list’s owner can do that' : 'you are not signed in';
  if (isValidationError(error)) {
    const first = error.fieldErrors[0];
    return first ? first.message : (error.problem?.detail ?? 'the server refused it');
  }
  if (isTodoSdkError(error))
    return error.problem?.detail ?? `the server answered ${error.status ?? error.code}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether the API could not be reached or failed, rather than refused the call: the next call
 * may well get through.
 * @param {unknown} error
 */
export const isUnavailable = (error) =>
  isNetworkError(error) || isTimeoutError(error) || isServerError(error);
