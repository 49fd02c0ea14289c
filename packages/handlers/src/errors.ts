import { ERROR_CODES, type ErrorCode, type FieldError } from '@todolist/sdk/contract';

// Every handler error carries the kinds of its class chain under a registry symbol, as the
// SDK's errors do, so the guards below hold across bundles and realms: the local gateway loads
// each route's module, and two copies of this file have two classes but share `Symbol.for`.
const KINDS = Symbol.for('@todolist/handlers/error-kinds');

/** What a {@link TodoApiError} carries besides its code and message. */
export interface TodoApiErrorOptions extends ErrorOptions {
  /** Per-field reasons, for validation failures. */
  errors?: FieldError[];
  /** Headers to send with the problem (`Allow`, `Retry-After`, `ETag`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/**
 * An error the API answers as problem details with a stable `code` and its status. Not one:
 * anything else thrown, which is a bug or an outage and answers 500 `internal_error` without
 * its message.
 */
export class TodoApiError extends Error {
  /** The stable kind this class stands for; survives minification, unlike the class name. */
  static readonly kind: string = 'TodoApiError';

  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  declare readonly [KINDS]: readonly string[];

  constructor(code: ErrorCode, detail: string, options: TodoApiErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
    this.name = (new.target as typeof TodoApiError).kind;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about, a subclass included.
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

function kindsOf(target: object): string[] {
  const kinds: string[] = [];
  for (let current = target; current && 'kind' in current; current = Object.getPrototypeOf(current)) {
    const kind = (current as typeof TodoApiError).kind;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** The codes of a malformed request: 400. */
export type BadRequestCode = Extract<
  ErrorCode,
  'malformed_json' | 'invalid_id' | 'invalid_query' | 'invalid_cursor' | 'invalid_header'
>;

/** The request is malformed: bad JSON, a bad id, query, header or cursor (400). */
export class BadRequestError extends TodoApiError {
  static override readonly kind: string = 'BadRequestError';
  constructor(code: BadRequestCode, detail: string, options: TodoApiErrorOptions = {}) {
    super(code, detail, options);
  }
}

/** The body is well-formed JSON but not what the route takes (422). */
export class ValidationError extends TodoApiError {
  static override readonly kind: string = 'ValidationError';
  constructor(detail: string, errors: FieldError[]) {
    super('validation_failed', detail, { errors });
  }
}

/** The request carries no identity the API accepts (401). */
export class UnauthorizedError extends TodoApiError {
  static override readonly kind: string = 'UnauthorizedError';
  constructor(detail: string, challenge: string) {
    super('unauthorized', detail, { headers: { 'WWW-Authenticate': challenge } });
  }
}

/** No todo with this id belongs to the caller (404). Another owner's todo is also "not found". */
export class NotFoundError extends TodoApiError {
  static override readonly kind: string = 'NotFoundError';
  constructor(id: string) {
    super('not_found', `no todo with id ${id}`);
  }
}

/** `If-Match` named a version other than the current one (412); nothing was changed. */
export class PreconditionFailedError extends TodoApiError {
  static override readonly kind: string = 'PreconditionFailedError';
  /** `what` names the kind of thing in the message: `todo`, `list`, `saved filter`. */
  constructor(id: string, expected: number, current: number, what: string) {
    super(
      'precondition_failed',
      `${what} ${id} is at version ${current}, not ${expected}: read it again and reapply your change`,
      { headers: { ETag: `"${current}"` } },
    );
  }
}

/** The body is larger than the route takes (413). */
export class PayloadTooLargeError extends TodoApiError {
  static override readonly kind: string = 'PayloadTooLargeError';
  constructor(bytes: number, limit: number) {
    super('payload_too_large', `the body is ${bytes} bytes; the limit is ${limit} bytes`);
  }
}

/** The body is not JSON by its media type (415). */
export class UnsupportedMediaTypeError extends TodoApiError {
  static override readonly kind: string = 'UnsupportedMediaTypeError';
  constructor(contentType: string | undefined) {
    super(
      'unsupported_media_type',
      contentType
        ? `Content-Type ${contentType} is not accepted: send the body as application/json`
        : 'the request has a body but no Content-Type: send it as application/json',
    );
  }
}

/** The `Idempotency-Key` made a todo from another body (422); nothing was created. */
export class IdempotencyKeyReusedError extends TodoApiError {
  static override readonly kind: string = 'IdempotencyKeyReusedError';
  constructor(key: string) {
    super(
      'idempotency_key_reused',
      `Idempotency-Key ${key} was first used with another body: use a new key for a new todo`,
    );
  }
}

/** The table stayed busy (503): some writes were not made, and sending the same request again is safe. */
export class ServiceUnavailableError extends TodoApiError {
  static override readonly kind: string = 'ServiceUnavailableError';
  constructor(detail: string, options: ErrorOptions = {}) {
    super('service_unavailable', detail, { ...options, headers: { 'Retry-After': '1' } });
  }
}

/**
 * No list with this id is the caller's or shared with them (404). A list they cannot see is
 * "not found" too, never "forbidden": nothing tells that it exists.
 */
export class ListNotFoundError extends TodoApiError {
  static override readonly kind: string = 'ListNotFoundError';
  constructor(listId: string) {
    super('list_not_found', `no list with id ${listId}`);
  }
}

/** The list has no member or invitation with this id (404). */
export class MemberNotFoundError extends TodoApiError {
  static override readonly kind: string = 'MemberNotFoundError';
  constructor(listId: string, memberId: string) {
    super('member_not_found', `list ${listId} has no member or invitation with id ${memberId}`);
  }
}

/** No saved filter with this id is the caller's (404); another person's is "not found" too. */
export class SavedFilterNotFoundError extends TodoApiError {
  static override readonly kind: string = 'SavedFilterNotFoundError';
  constructor(filterId: string) {
    super('filter_not_found', `no saved filter with id ${filterId}`);
  }
}

/**
 * A person already has the most of something one may have (409): lists, saved filters. A list's
 * own limits (its members, the shared lists a person may be on) are worded for the list, with
 * {@link ListConflictError}.
 */
export class LimitReachedError extends TodoApiError {
  static override readonly kind: string = 'LimitReachedError';
  /** `things` in the plural, as the message reads: "you have 50 saved filters, …". */
  constructor(things: string, limit: number) {
    super('limit_reached', `you have ${limit} ${things}, the most one person can have: delete one first`);
  }
}

/** A change the state of a list forbids (409): named by its code, explained by its detail. */
export class ListConflictError extends TodoApiError {
  static override readonly kind: string = 'ListConflictError';
  constructor(
    code: Extract<
      ErrorCode,
      'list_not_empty' | 'list_name_taken' | 'inbox_fixed' | 'owner_cannot_leave' | 'limit_reached'
    >,
    detail: string,
  ) {
    super(code, detail);
  }
}

/** A member asked for what only the list's owner may do (403): they can see the list, so this tells nothing new. */
export class OwnerOnlyError extends TodoApiError {
  static override readonly kind: string = 'OwnerOnlyError';
  constructor(listId: string, action: string) {
    super('owner_only', `only the owner of list ${listId} can ${action}`);
  }
}

/**
 * A changes cursor older than the feed keeps (410): changes may have been forgotten since, so
 * the client reads every list and todo again and follows a new cursor.
 */
export class SyncExpiredError extends TodoApiError {
  static override readonly kind: string = 'SyncExpiredError';
  constructor(retentionDays: number) {
    super(
      'sync_expired',
      `this cursor is older than the ${retentionDays} days the changes feed keeps: read your lists and todos again, then follow the cursor of GET /v1/changes without since`,
    );
  }
}

/** True when the value is a {@link TodoApiError}, from any copy of this package. */
export function isTodoApiError(value: unknown): value is TodoApiError {
  return value instanceof TodoApiError;
}
