import {
  isAbortedError,
  isConflictError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isRateLimitedError,
  isTimeoutError,
  isTodoSdkError,
  isUnauthorizedError,
  isValidationError,
  type TodoSdkError,
} from '@todolist/sdk';
import { isTodoCliError } from './errors.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

// Loaded only once something failed (main.ts imports it then), so the SDK's error classes never
// load with `todo --help` and `todo --version`.

/** Where a failure happened and who `todo` acted as: what the line about it names. */
interface Situation {
  baseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** What to do about refused credentials: renew the ones the environment gave, or sign in again. */
function credentialsHint(env: NodeJS.ProcessEnv): string {
  if (env.TODO_TOKEN) return 'renew TODO_TOKEN, or unset it to use todo login';
  if (env.TODO_CLIENT_ID) return "check that TODO_CLIENT_ID's client may use this API";
  return 'run todo login';
}

const requestIdOf = (error: TodoSdkError) => (error.requestId ? ` (request id ${error.requestId})` : '');

/** The API's own words: the fields it refused, else its problem's detail. */
function apiDetail(error: TodoSdkError): string {
  const detail =
    error.fieldErrors.length > 0
      ? error.fieldErrors.map((f) => f.message).join('; ')
      : (error.problem?.detail ?? error.message);
  return `${detail}${requestIdOf(error)}`;
}

/** One kind of SDK error a script tells apart: its guard, its exit code, and the line it is shown as. */
interface SdkErrorKind {
  is(error: unknown): boolean;
  exitCode: ExitCode;
  describe?(error: TodoSdkError, situation: Situation): string;
}

/** The API's refusals of a change to a list as asked (409s, and 403 owner_only): the command must change, not wait. */
const LIST_REFUSALS = new Set([
  'list_name_taken',
  'list_not_empty',
  'inbox_fixed',
  'owner_cannot_leave',
  'limit_reached',
]);

const hasCode = (codes: ReadonlySet<string>) => (error: unknown) =>
  isTodoSdkError(error) && codes.has(error.code);

// First match wins; an SDK error of no kind here is exit 1, in the API's words.
const SDK_ERROR_KINDS: readonly SdkErrorKind[] = [
  { is: isValidationError, exitCode: EXIT_CODES.usage },
  // A 403 the SDK throws as UnauthorizedError: the credentials are fine, the person is a member.
  {
    is: hasCode(new Set(['owner_only'])),
    exitCode: EXIT_CODES.usage,
    describe: (error) => `only the list's owner can do that: ${apiDetail(error)}`,
  },
  { is: hasCode(LIST_REFUSALS), exitCode: EXIT_CODES.usage },
  { is: isNotFoundError, exitCode: EXIT_CODES.notFound },
  {
    is: isUnauthorizedError,
    exitCode: EXIT_CODES.unauthorized,
    // The stored sign-in was already renewed once before this: what is left is for the user.
    describe: (error, { env }) =>
      `the API refused the credentials: ${error.problem?.detail ?? error.message}; ${credentialsHint(env)}${requestIdOf(error)}`,
  },
  { is: isConflictError, exitCode: EXIT_CODES.conflict },
  {
    is: isPreconditionFailedError,
    exitCode: EXIT_CODES.conflict,
    describe: (error) =>
      `someone changed this todo meanwhile; nothing was changed: run the command again${requestIdOf(error)}`,
  },
  {
    is: isRateLimitedError,
    exitCode: EXIT_CODES.rateLimited,
    describe: (error) => {
      const wait = isRateLimitedError(error) ? error.retryAfterSeconds : undefined;
      return `the API is busy: try again${wait ? ` in ${wait} s` : ' later'}${requestIdOf(error)}`;
    },
  },
  {
    is: isNetworkError,
    exitCode: EXIT_CODES.unavailable,
    describe: (_, { baseUrl }) =>
      `cannot reach the API at ${baseUrl ?? 'its URL'}: is it running? Start it with "npm start", or point a profile elsewhere with "todo config set baseUrl <url>"`,
  },
  {
    is: isTimeoutError,
    exitCode: EXIT_CODES.unavailable,
    describe: (_, { baseUrl }) =>
      `the API at ${baseUrl ?? 'its URL'} did not answer in time; try again, or raise the profile's timeout with "todo config set timeout <ms>"`,
  },
  { is: isAbortedError, exitCode: EXIT_CODES.interrupted },
];

/** The one line and exit code a failure is reported with. Never a stack trace. */
export function reportError(
  error: unknown,
  baseUrl?: string,
  env: NodeJS.ProcessEnv = {},
): { message: string; exitCode: ExitCode } {
  if (isTodoCliError(error)) return { message: error.message, exitCode: error.exitCode };
  if (isTodoSdkError(error)) {
    const kind = SDK_ERROR_KINDS.find((each) => each.is(error));
    const describe = kind?.describe ?? apiDetail;
    return { message: describe(error, { baseUrl, env }), exitCode: kind?.exitCode ?? EXIT_CODES.failure };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected error: ${message}; set TODO_DEBUG=1 to see where`,
    exitCode: EXIT_CODES.failure,
  };
}
