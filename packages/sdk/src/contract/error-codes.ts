// The closed list of problem `code`s the API answers with. Clients switch on `code`, never on
// `title` or `detail`, so a code is never renamed or reused for another meaning. The names stand
// apart from their titles (ERROR_CODES) so that a client, which checks answers against the list,
// keeps the titles out of its bundle.
const CODES = [
  'malformed_json',
  'invalid_id',
  'invalid_query',
  'invalid_cursor',
  'invalid_header',
  'unauthorized',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'idempotency_in_progress',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'idempotency_key_reused',
  'list_not_found',
  'member_not_found',
  'filter_not_found',
  'list_not_empty',
  'list_name_taken',
  'inbox_fixed',
  'owner_only',
  'owner_cannot_leave',
  'limit_reached',
  'sync_expired',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;

/** One of the API's stable error codes. */
export type ErrorCode = (typeof CODES)[number];

/** Every error code, in a fixed order (for schemas and documentation). */
export const ERROR_CODE_LIST: [ErrorCode, ...ErrorCode[]] = [...CODES];

/** Each error code's status and title, in the order of {@link ERROR_CODE_LIST}; a code missing here fails to compile. */
export const ERROR_CODES = {
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_id: { status: 400, title: 'An id in the path is not valid' },
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
  list_not_found: { status: 404, title: 'The list does not exist' },
  member_not_found: { status: 404, title: 'The list has no such member' },
  filter_not_found: { status: 404, title: 'The saved filter does not exist' },
  list_not_empty: {
    status: 409,
    title: 'The list still has todos: delete them with it (todos=delete) or move them (moveTo=<listId>)',
  },
  list_name_taken: { status: 409, title: 'You already have a list of that name' },
  inbox_fixed: { status: 409, title: 'The Inbox cannot be renamed, archived, deleted or shared' },
  owner_only: { status: 403, title: "Only the list's owner can do this" },
  owner_cannot_leave: { status: 409, title: 'The owner cannot leave their own list: delete it instead' },
  limit_reached: { status: 409, title: 'A limit on lists, members or saved filters was reached' },
  sync_expired: {
    status: 410,
    title:
      'The changes cursor is older than the feed keeps: read every list and todo again, then follow the new cursor',
  },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'The server failed to handle the request' },
  service_unavailable: { status: 503, title: 'The service is temporarily unavailable' },
} as const satisfies Record<ErrorCode, { status: number; title: string }>;

/** The `type` URI of a problem with the given code (RFC 9457 §3.1.1). */
export function problemType(code: ErrorCode): string {
  return `https://todolist.com/problems/${code.replaceAll('_', '-')}`;
}
