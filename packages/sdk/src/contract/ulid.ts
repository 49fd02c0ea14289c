import * as z from 'zod/mini';

// A ULID: 26 characters of Crockford base32, so ids sort by creation time. Case-insensitive;
// ids are stored in capitals, so a lowercase one is folded rather than missed. Its first
// character is at most 7: its 48-bit time fills 50 bits of base32. No regex flags: API
// Gateway's models check the same pattern, and JSON Schema has none.
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;

/** An id the API makes, a ULID folded to capitals; its message names the field (`id must be …`). */
// @__NO_SIDE_EFFECTS__
export function ulidId(field: string) {
  return z.string().check(z.regex(ULID_PATTERN, `${field} must be a 26-character ULID`), z.toUpperCase());
}
