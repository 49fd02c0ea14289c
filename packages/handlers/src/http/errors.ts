import { ERROR_CODES, type ErrorCode, type FieldError } from '@todolist/sdk/contract';

/**
 * An error the API answers as problem details with a stable `code`. Anything thrown that is not
 * a `TodoApiError` is a bug or an outage and answers 500 `internal_error` without its message.
 */
export class TodoApiError extends Error {
  override name = 'TodoApiError';
  readonly code: ErrorCode;
  readonly status: number;
  /** Per-field reasons, for validation failures. */
  readonly errors: FieldError[] | undefined;
  /** Headers to send with the problem (`Allow`, `Retry-After`, `ETag`). */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: ErrorOptions & { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail, options);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** The request is malformed: bad JSON, a bad id, query or cursor (400). */
export class BadRequestError extends TodoApiError {
  override name = 'BadRequestError';
}

/** The body is well-formed JSON but not an acceptable todo (422). */
export class ValidationError extends TodoApiError {
  override name = 'ValidationError';
  constructor(detail: string, errors: FieldError[]) {
    super('validation_failed', detail, { errors });
  }
}

/** No todo with this id belongs to the caller (404). Another owner's todo is also "not found". */
export class NotFoundError extends TodoApiError {
  override name = 'NotFoundError';
  constructor(id: string) {
    super('not_found', `no todo with id ${id}`);
  }
}

/** `If-Match` named a version other than the current one (412); nothing was changed. */
export class PreconditionFailedError extends TodoApiError {
  override name = 'PreconditionFailedError';
  constructor(id: string, expected: number, current: number) {
    super(
      'precondition_failed',
      `todo ${id} is at version ${current}, not ${expected}: read it again and reapply your change`,
      { headers: { ETag: `"${current}"` } },
    );
  }
}

/** The `Idempotency-Key` made a todo from another body (422); nothing was created. */
export class IdempotencyKeyReusedError extends TodoApiError {
  override name = 'IdempotencyKeyReusedError';
  constructor(key: string) {
    super(
      'idempotency_key_reused',
      `Idempotency-Key ${key} was first used with another body: use a new key for a new todo`,
    );
  }
}

/** True when the value is a {@link TodoApiError}, across bundles and realms. */
export function isTodoApiError(value: unknown): value is TodoApiError {
  return value instanceof TodoApiError;
}
