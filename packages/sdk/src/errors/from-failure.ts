import { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError as isKyTimeoutError } from 'ky';
import { Problem, REQUEST_ID_HEADER } from '../contract/index.js';
import { AbortedError } from './AbortedError.js';
import { ConflictError } from './ConflictError.js';
import { ForbiddenError } from './ForbiddenError.js';
import { NetworkError } from './NetworkError.js';
import { NotFoundError } from './NotFoundError.js';
import { PreconditionFailedError } from './PreconditionFailedError.js';
import { RateLimitedError } from './RateLimitedError.js';
import { ServerError } from './ServerError.js';
import { SyncExpiredError } from './SyncExpiredError.js';
import { TimeoutError } from './TimeoutError.js';
import {
  type FailedRequest,
  isTodoSdkError,
  TodoSdkError,
  type TodoSdkErrorOptions,
} from './TodoSdkError.js';
import { UnauthorizedError } from './UnauthorizedError.js';
import { ValidationError } from './ValidationError.js';

function describe(request: FailedRequest, detail: string, facts: (string | undefined)[]): string {
  const known = facts.filter(Boolean).join(', ');
  return `${request.method} ${request.path} failed: ${detail}${known ? ` (${known})` : ''}`;
}

/** Seconds from a `Retry-After` header given as seconds or as an HTTP date. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function versionFromEtag(etag: string | null): number | undefined {
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim()) : null;
  return match?.[1] ? Number(match[1]) : undefined;
}

/** The SDK error for an HTTP error answer, from its status, headers and (parsed) body. */
export function errorFromResponse(request: FailedRequest, response: Response, data: unknown): TodoSdkError {
  const parsed = Problem.safeParse(data);
  const problem = parsed.success ? parsed.data : undefined;
  const status = response.status;
  const code = problem?.code ?? `http_${status}`;
  const requestId = problem?.requestId ?? response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const detail =
    problem?.detail ?? problem?.title ?? (response.statusText || `the server answered ${status}`);
  const options: TodoSdkErrorOptions = { request, status, code, requestId, problem };
  const message = describe(request, detail, [`${status} ${code}`, requestId && `request id ${requestId}`]);
  if (status === 400 || status === 413 || status === 415 || status === 422)
    return new ValidationError(message, options);
  // The API's own 403 (problem details, code owner_only) refuses what was asked, not who asks.
  if (status === 403 && problem) return new ForbiddenError(message, options);
  if (status === 401 || status === 403) return new UnauthorizedError(message, options);
  if (status === 404) return new NotFoundError(message, options);
  if (status === 409) return new ConflictError(message, options);
  if (status === 412) {
    return new PreconditionFailedError(message, {
      ...options,
      currentVersion: versionFromEtag(response.headers.get('etag')),
    });
  }
  // Only the feed's own 410: another answers 410 for reasons a re-sync would not cure.
  if (status === 410 && code === 'sync_expired') return new SyncExpiredError(message, options);
  if (status === 429) {
    return new RateLimitedError(message, {
      ...options,
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
    });
  }
  if (status >= 500) return new ServerError(message, options);
  return new TodoSdkError(message, options);
}

/** The SDK error for a call that ran out of time: an attempt, or the whole call. */
export function timeoutError(request: FailedRequest, cause?: unknown): TimeoutError {
  return new TimeoutError(describe(request, 'no answer in time', []), { request, code: 'timeout', cause });
}

/**
 * The SDK error for anything a call failed with: an HTTP error answer, a timeout, a network
 * failure or the caller's abort. Errors that are none of these (bugs) are returned unchanged.
 */
export function errorFromFailure(error: unknown, request: FailedRequest, signal?: AbortSignal): unknown {
  if (isTodoSdkError(error)) return error;
  if (signal?.aborted) {
    return new AbortedError(describe(request, 'the call was aborted', []), {
      request,
      code: 'aborted',
      cause: error,
    });
  }
  if (isHTTPError(error)) return errorFromResponse(request, error.response, error.data);
  if (isKyTimeoutError(error)) return timeoutError(request, error);
  if (isKyNetworkError(error)) {
    const reason =
      error.cause instanceof Error
        ? ((error.cause.cause as Error | undefined)?.message ?? error.cause.message)
        : '';
    return new NetworkError(
      describe(request, `could not reach the server${reason ? `: ${reason}` : ''}`, []),
      {
        request,
        code: 'network_error',
        cause: error,
      },
    );
  }
  return error;
}

/**
 * The SDK error for a failure while reading an answer's body, after its headers came: the
 * caller's abort, or the connection lost midway, which fetch reports as a bare `TypeError`
 * rather than as one of ky's errors.
 */
export function errorFromBodyFailure(error: unknown, request: FailedRequest, signal?: AbortSignal): unknown {
  const failure = errorFromFailure(error, request, signal);
  if (failure !== error || !(error instanceof TypeError)) return failure;
  return new NetworkError(describe(request, `the answer was cut off: ${error.message}`, []), {
    request,
    code: 'network_error',
    cause: error,
  });
}
