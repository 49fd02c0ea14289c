// The short id a person sees in `todo list` and types back: a few letters derived from the full
// id. Parts of the id itself will not do: ids made one by one differ early (their time), the
// ids of an import differ only in their last characters (their row), and two imports share
// those (both have a row 1). A hash of the whole id spreads them all alike.

// Letters only, without i, l and o (read as 1, 1 and 0): a short id never looks like a row
// number, nor like the start of a full id (a ULID starts with a digit, 0–7).
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const BASE = BigInt(LETTERS.length);
const MASK = 0xffffffffffffffffn;

/** Short ids are at least this long, so they do not change while a list grows. */
export const MIN_SHORT_ID = 4;
/** And at most this long: 23⁸ ≈ 7.8·10¹⁰ codes, so two todos share all 8 letters almost never. */
export const MAX_SHORT_ID = 8;

/** What a typed short id looks like: 1–8 of the letters above, in any case. */
export const SHORT_ID = /^[a-hjkmnp-z]{1,8}$/i;

/** FNV-1a over the characters, then MurmurHash3's finaliser, so ids that differ by one character differ everywhere. */
function hash64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash = ((hash ^ BigInt(text.charCodeAt(index))) * 0x100000001b3n) & MASK;
  }
  hash = ((hash ^ (hash >> 33n)) * 0xff51afd7ed558ccdn) & MASK;
  hash = ((hash ^ (hash >> 33n)) * 0xc4ceb9fe1a85ec53n) & MASK;
  return hash ^ (hash >> 33n);
}

/** The full 8-letter short id of a todo id; the shown one is its start. */
export function shortId(id: string): string {
  let rest = hash64(id.toUpperCase());
  let code = '';
  for (let position = 0; position < MAX_SHORT_ID; position++) {
    code += LETTERS[Number(rest % BASE)];
    rest /= BASE;
  }
  return code;
}

/** How many letters tell these todos apart: the fewest from {@link MIN_SHORT_ID} at which no two share them. */
export function shortIdLength(ids: readonly string[]): number {
  return lengthTellingApart(ids.map(shortId));
}

/** How many letters tell these full short ids apart (as {@link shortIdLength}, for codes already made). */
export function lengthTellingApart(codes: readonly string[]): number {
  for (let length = MIN_SHORT_ID; length < MAX_SHORT_ID; length++) {
    if (new Set(codes.map((code) => code.slice(0, length))).size === codes.length) return length;
  }
  return MAX_SHORT_ID;
}

/** Whether `typed` (any case) is the start of the todo's short id. */
export function hasShortId(id: string, typed: string): boolean {
  return shortId(id).startsWith(typed.toLowerCase());
}
