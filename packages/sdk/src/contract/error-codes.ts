/**
 * The closed list of problem `code`s the API answers with. Clients switch on `code`, never on
 * `title` or `detail`, so a code is never renamed or reused for another meaning.
 */
export const ERROR_CODES = {
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_id: { status: 400, title: 'The todo id is not valid' },
  invalid_query: { status: 400, title: 'The query string is not valid' },
  invalid_cursor: { status: 400, title: 'The cursor is not valid' },
  invalid_header: { status: 400, title: 'A request header is not valid' },
  unauthorized: { status: 401, title: 'The request has no valid credentials' },
  not_found: { status: 404, title: 'The todo does not exist' },
  route_not_found: { status: 404, title: 'No such route' },
  method_not_allowed: { status: 405, title: 'The method is not allowed on this route' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still in progress' },
  precondition_failed: { status: 412, title: 'The todo has changed since the version given in If-Match' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The request body must be application/json' },
  validation_failed: { status: 422, title: 'The request body is not a valid todo' },
  idempotency_key_reused: {
    status: 422,
    title: 'This Idempotency-Key was already used with a different request body',
  },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'The server failed to handle the request' },
  service_unavailable: { status: 503, title: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

/** One of the API's stable error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every error code, in a fixed order (for schemas and documentation). */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** The `type` URI of a problem with the given code (RFC 9457 §3.1.1). */
export function problemType(code: ErrorCode): string {
  return `https://todolist.com/problems/${code.replaceAll('_', '-')}`;
}
