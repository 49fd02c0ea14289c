/**
 * The limits of the todolist API. Every layer enforces the same numbers: the schemas below,
 * the handlers, the local gateway, API Gateway's request models and the clients' own checks.
 */

/** Longest title, in characters, after trimming. */
export const MAX_TITLE_LENGTH = 200;
/** Longest notes field, in characters. */
export const MAX_NOTES_LENGTH = 2000;
/** Most tags on one todo. */
export const MAX_TAGS = 10;
/** Longest tag, in characters. */
export const MAX_TAG_LENGTH = 32;
/** Largest request body the API accepts, in bytes (after base64 decoding). */
export const MAX_BODY_BYTES = 16 * 1024;
/** Largest page of todos one list request returns. */
export const MAX_PAGE_SIZE = 100;
/** Page size when a list request gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 25;
/** Longest cursor a client may send back. */
export const MAX_CURSOR_LENGTH = 512;
/** Longest `Idempotency-Key` header value. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** How long a create's `Idempotency-Key` is remembered, in seconds. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;
/** Most items in one `importTodos` request. */
export const MAX_IMPORT_ITEMS = 100;
/**
 * Largest `importTodos` request body, in bytes: room for {@link MAX_IMPORT_ITEMS} todos of the
 * largest size (about 268 KB of ASCII), well under API Gateway's 10 MB and Lambda's 6 MB.
 */
export const MAX_IMPORT_BODY_BYTES = 512 * 1024;
/** Longest list name, in characters, after trimming. */
export const MAX_LIST_NAME_LENGTH = 100;
/** Most lists one person owns, the Inbox aside. */
export const MAX_LISTS = 200;
/** Most people on one list besides its owner, invitations included. */
export const MAX_MEMBERS = 25;
/** Most lists of other people one person can be a member of (each costs a query on a page of all todos). */
export const MAX_SHARED_LISTS = 50;
/** Longest e-mail address (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;
/**
 * How long the changes feed keeps what changed, in days: a cursor older than this gets 410
 * `sync_expired`, and the client reads everything again. Tombstones live a day longer.
 */
export const CHANGES_RETENTION_DAYS = 30;
/** Page size of the changes feed when a request gives no `limit` (at most {@link MAX_PAGE_SIZE}). */
export const DEFAULT_CHANGES_PAGE_SIZE = 100;
/** Longest changes cursor: it carries the changes of the last seconds already delivered. */
export const MAX_CHANGES_CURSOR_LENGTH = 4096;
/**
 * Longest quick-add text, in characters, after trimming: room for a full title and full notes
 * (`// …`) with the words around them.
 */
export const MAX_QUICK_ADD_TEXT_LENGTH = 2500;
/** Most saved filters one person keeps: few enough that one page holds them all. */
export const MAX_SAVED_FILTERS = 50;
/** Longest saved filter name, in characters, after trimming. */
export const MAX_SAVED_FILTER_NAME_LENGTH = 50;
