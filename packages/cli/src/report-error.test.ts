import {
  AbortedError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { NotSignedInError, TodoCliError, UsageError } from './errors.js';
import { reportError } from './report-error.js';

type FailureOptions = ConstructorParameters<typeof NotFoundError>[1];

/** What the SDK knows of a failed request, as it gives every error. */
const failed = (code: string, extra: Partial<FailureOptions> = {}): FailureOptions => ({
  request: { method: 'GET', path: '/v1/todos/01KMZ7X3ABCDEFGHJKMNPQRSTV' },
  code,
  requestId: 'req-1',
  ...extra,
});

describe('reportError', () => {
  it.each([
    [new ValidationError('bad', failed('validation_failed')), 2],
    [new NotFoundError('gone', failed('not_found')), 3],
    [new UnauthorizedError('who', failed('unauthorized')), 4],
    [new ConflictError('busy', failed('idempotency_conflict')), 5],
    [new PreconditionFailedError('stale', failed('precondition_failed')), 5],
    [new RateLimitedError('slow down', failed('rate_limited')), 6],
    [new NetworkError('down', failed('network_error')), 7],
    [new TimeoutError('slow', failed('timeout')), 7],
    [new AbortedError('stopped', failed('aborted')), 130],
    [new ServerError('oops', failed('internal')), 1],
  ])('gives the SDK error %s its exit code, %i, by its class', (error, exitCode) => {
    expect(reportError(error, 'http://localhost:3000').exitCode).toBe(exitCode);
  });

  it("gives the CLI's own errors their exit code and message as they are", () => {
    expect(reportError(new UsageError('choose one'))).toEqual({ message: 'choose one', exitCode: 2 });
    expect(reportError(NotSignedInError.forProfile('work')).exitCode).toBe(4);
    expect(reportError(new TodoCliError('nothing to undo')).exitCode).toBe(1);
  });

  it('says what to do, in the API’s words where it gave them, with the request id', () => {
    const refused = new UnauthorizedError('unauthorized', failed('unauthorized'));
    expect(reportError(refused, undefined, { TODO_TOKEN: 't' }).message).toBe(
      'the API refused the credentials: unauthorized; renew TODO_TOKEN, or unset it to use todo login (request id req-1)',
    );
    const busy = new RateLimitedError('slow down', { ...failed('rate_limited'), retryAfterSeconds: 30 });
    expect(reportError(busy).message).toBe('the API is busy: try again in 30 s (request id req-1)');
    const down = new NetworkError('fetch failed', failed('network_error'));
    expect(reportError(down, 'http://127.0.0.1:9').message).toMatch(
      /^cannot reach the API at http:\/\/127\.0\.0\.1:9: is it running\?/,
    );
    const refusedField = new ValidationError('invalid', {
      ...failed('validation_failed'),
      fieldErrors: [{ path: 'title', message: 'title must be 1–200 characters' }],
    });
    expect(reportError(refusedField).message).toBe('title must be 1–200 characters (request id req-1)');
  });

  it("reports a member's 403 owner_only as what it is, exit 2, never as refused credentials", () => {
    const member = new UnauthorizedError('forbidden', {
      ...failed('owner_only'),
      problem: {
        type: 'about:blank',
        title: 'Only the owner',
        status: 403,
        code: 'owner_only',
        detail: 'only the owner of list 01X can rename it',
      },
    } as FailureOptions);
    const reported = reportError(member, undefined, {});
    expect(reported).toEqual({
      message:
        "only the list's owner can do that: only the owner of list 01X can rename it (request id req-1)",
      exitCode: 2,
    });
    expect(reported.message).not.toContain('todo login');
  });

  it.each(['list_name_taken', 'list_not_empty', 'inbox_fixed', 'owner_cannot_leave', 'limit_reached'])(
    'gives the refusal %s exit 2, not the conflict of a todo changed meanwhile',
    (code) => {
      expect(reportError(new ConflictError('refused', failed(code))).exitCode).toBe(2);
    },
  );

  it('reports anything else as unexpected, exit 1, pointing at TODO_DEBUG', () => {
    expect(reportError(new TypeError('x is undefined'))).toEqual({
      message: 'unexpected error: x is undefined; set TODO_DEBUG=1 to see where',
      exitCode: 1,
    });
  });
});
