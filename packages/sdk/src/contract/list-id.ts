import * as z from 'zod/mini';

/** The id of every person's Inbox: it always exists, and means the caller's own Inbox. */
export const INBOX_LIST_ID = 'inbox';

// A list's id: "inbox" in any case, or a ULID (case folded to capitals, as a todo's id). No
// regex flags: API Gateway's models check the same pattern, and JSON Schema has none.
const LIST_ID_PATTERN = /^(?:[Ii][Nn][Bb][Oo][Xx]|[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25})$/;

/** A list's id: {@link INBOX_LIST_ID}, or a 26-character ULID. */
export const ListId = z.string().check(
  z.regex(LIST_ID_PATTERN, 'listId must be "inbox" or a 26-character list id'),
  z.overwrite((id) => (id.toLowerCase() === INBOX_LIST_ID ? INBOX_LIST_ID : id.toUpperCase())),
);
