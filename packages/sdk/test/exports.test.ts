// The package's public entry is its API: what it exports is what users may rely on, so a name
// added or removed here is a deliberate change, never a side effect of a refactor.
import { describe, expect, it } from 'vitest';
import * as sdk from '../src/index.js';

// Each error class the SDK documents, with its guard.
const ERRORS = {
  AbortedError: [sdk.AbortedError, sdk.isAbortedError],
  ConflictError: [sdk.ConflictError, sdk.isConflictError],
  ForbiddenError: [sdk.ForbiddenError, sdk.isForbiddenError],
  NetworkError: [sdk.NetworkError, sdk.isNetworkError],
  NotFoundError: [sdk.NotFoundError, sdk.isNotFoundError],
  PreconditionFailedError: [sdk.PreconditionFailedError, sdk.isPreconditionFailedError],
  RateLimitedError: [sdk.RateLimitedError, sdk.isRateLimitedError],
  ResponseValidationError: [sdk.ResponseValidationError, sdk.isResponseValidationError],
  ServerError: [sdk.ServerError, sdk.isServerError],
  SyncExpiredError: [sdk.SyncExpiredError, sdk.isSyncExpiredError],
  TimeoutError: [sdk.TimeoutError, sdk.isTimeoutError],
  UnauthorizedError: [sdk.UnauthorizedError, sdk.isUnauthorizedError],
  ValidationError: [sdk.ValidationError, sdk.isValidationError],
} as const;

type ErrorName = keyof typeof ERRORS;
const ERROR_NAMES = Object.keys(ERRORS) as ErrorName[];

// ResponseValidationError's options are the widest: every error class accepts them.
type ErrorClass = new (
  message: string,
  options: ConstructorParameters<typeof sdk.ResponseValidationError>[1],
) => sdk.TodoSdkError;

function make(name: ErrorName): sdk.TodoSdkError {
  const ErrorClass: ErrorClass = ERRORS[name][0];
  return new ErrorClass('GET /v1/todos failed', {
    request: { method: 'GET', path: '/v1/todos' },
    code: 'test',
    issues: [],
  });
}

describe('the public entry', () => {
  it('exports createClient, the import id helpers, the sign-in constants, the due vocabulary, search as q= matches, the Inbox and self ids, the base error, every error class and their guards, and nothing else', () => {
    const documented = [
      'createClient',
      'importItemId',
      'newImportId',
      'APP_CLIENT_IDS',
      'OAUTH_PATHS',
      'SIGN_IN_SCOPES',
      'dueState',
      'localDay',
      'localTime',
      'searchMatches',
      'searchWords',
      'INBOX_LIST_ID',
      'MEMBER_SELF',
      'TodoSdkError',
      'isTodoSdkError',
      ...ERROR_NAMES.flatMap((name) => [name, `is${name}`]),
    ];
    expect(Object.keys(sdk).sort()).toEqual(documented.sort());
  });

  it('does not export the internals', () => {
    for (const internal of [
      'Transport',
      'resolveOptions',
      'TodosResource',
      'ListsResource',
      'MembersResource',
      'ChangesResource',
      'errorFromFailure',
      'checkInput',
    ]) {
      expect(sdk).not.toHaveProperty(internal);
    }
  });

  describe.each(ERROR_NAMES)('%s', (name) => {
    it('is a TodoSdkError and an Error, named for its class', () => {
      const error = make(name);
      expect(error).toBeInstanceOf(sdk.TodoSdkError);
      expect(error).toBeInstanceOf(Error);
      expect(sdk.isTodoSdkError(error)).toBe(true);
      expect(error.name).toBe(name);
    });

    it(`is recognised by is${name} and by no other class's guard (but its parent's)`, () => {
      const error = make(name);
      // ForbiddenError is the one subclass: an UnauthorizedError too, as every 403 was before it.
      const parent: ErrorName | undefined = name === 'ForbiddenError' ? 'UnauthorizedError' : undefined;
      for (const other of ERROR_NAMES)
        expect(ERRORS[other][1](error)).toBe(other === name || other === parent);
      expect(ERRORS[name][1](new Error('plain'))).toBe(false);
    });
  });
});
