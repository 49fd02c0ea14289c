import type { TodoSdkError } from '@todolist/sdk';
import { TodoCliError } from './errors.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

// SDK errors are recognised by the kind each carries (`name`), so this module need not load the
// SDK: `todo --help` and `todo --version` stay fast.
const EXIT_BY_KIND: Record<string, ExitCode> = {
  ValidationError: EXIT_CODES.usage,
  NotFoundError: EXIT_CODES.notFound,
  UnauthorizedError: EXIT_CODES.unauthorized,
  ConflictError: EXIT_CODES.conflict,
  PreconditionFailedError: EXIT_CODES.conflict,
  RateLimitedError: EXIT_CODES.rateLimited,
  NetworkError: EXIT_CODES.unavailable,
  TimeoutError: EXIT_CODES.unavailable,
  AbortedError: EXIT_CODES.interrupted,
};

function isSdkError(error: unknown): error is TodoSdkError {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    'method' in error &&
    'path' in error
  );
}

/** What to do about refused credentials: renew the ones the environment gave, or sign in again. */
function credentialsHint(env: NodeJS.ProcessEnv): string {
  if (env.TODO_TOKEN) return 'renew TODO_TOKEN, or unset it to use todo login';
  if (env.TODO_CLIENT_ID) return "check that TODO_CLIENT_ID's client may use this API";
  return 'run todo login';
}

function describeSdkError(error: TodoSdkError, baseUrl: string | undefined, env: NodeJS.ProcessEnv): string {
  const requestId = error.requestId ? ` (request id ${error.requestId})` : '';
  switch (error.name) {
    case 'NetworkError':
      return `cannot reach the API at ${baseUrl ?? 'its URL'}: is it running? Start it with "npm start", or point a profile elsewhere with "todo config set baseUrl <url>"`;
    case 'TimeoutError':
      return `the API at ${baseUrl ?? 'its URL'} did not answer in time; try again, or raise the profile's timeout with "todo config set timeout <ms>"`;
    case 'UnauthorizedError':
      // The stored sign-in was already renewed once before this: what is left is for the user.
      return `the API refused the credentials: ${error.problem?.detail ?? error.message}; ${credentialsHint(env)}${requestId}`;
    case 'PreconditionFailedError':
      return `someone changed this todo meanwhile; nothing was changed: run the command again${requestId}`;
    case 'RateLimitedError': {
      const wait = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
      return `the API is busy: try again${wait ? ` in ${wait} s` : ' later'}${requestId}`;
    }
    default: {
      const detail =
        error.fieldErrors.length > 0
          ? error.fieldErrors.map((f) => f.message).join('; ')
          : (error.problem?.detail ?? error.message);
      return `${detail}${requestId}`;
    }
  }
}

/** The one line and exit code a failure is reported with. Never a stack trace. */
export function reportError(
  error: unknown,
  baseUrl?: string,
  env: NodeJS.ProcessEnv = {},
): { message: string; exitCode: ExitCode } {
  if (error instanceof TodoCliError) return { message: error.message, exitCode: error.exitCode };
  if (isSdkError(error)) {
    return {
      message: describeSdkError(error, baseUrl, env),
      exitCode: EXIT_BY_KIND[error.name] ?? EXIT_CODES.failure,
    };
  }
  if (error instanceof Error && error.name === 'ExitPromptError')
    return { message: '', exitCode: EXIT_CODES.interrupted };
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected error: ${message}; set TODO_DEBUG=1 to see where`,
    exitCode: EXIT_CODES.failure,
  };
}
