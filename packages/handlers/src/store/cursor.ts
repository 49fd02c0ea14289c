import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { searchWords, type TodoListFilter } from '@todolist/sdk/contract';
import { BadRequestError } from '../errors.js';

// A cursor is `base64url(payload).base64url(hmac)`. The HMAC covers the owner too, so a cursor
// cannot be replayed by another user, and the payload names the filter, so a cursor from one
// listing cannot silently continue another. HMAC-SHA256 truncated to 128 bits is ample for
// tamper evidence of a short-lived pagination token.
const SIGNATURE_BYTES = 16;

interface CursorPayload {
  /** Where the previous page ended: its last todo's id, or its position key in manual order. */
  after: string;
  /** The filter the cursor was made for. */
  filter: string;
}

/** The part of a todo listing's filter that a cursor must keep (the page size may change). */
export function filterFingerprint(filter: TodoListFilter): string {
  return [
    filter.listId ?? '*',
    filter.sort,
    filter.status,
    filter.tag ?? '',
    filter.dueBefore ?? '',
    filter.dueAfter ?? '',
    // Only with a search, so cursors made before search came keep their fingerprint.
    ...(filter.q === undefined ? [] : [`q:${searchWords(filter.q).join(' ')}`]),
    // A digest, not the text: a filter may be 500 characters, and a cursor at most 512.
    ...(filter.filter === undefined
      ? []
      : [`filter:${digest(filter.filter)}`, `zone:${filter.timeZone ?? 'UTC'}`]),
  ].join('|');
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function sign(key: string, ownerId: string, encodedPayload: string): Buffer {
  return createHmac('sha256', key)
    .update(`${ownerId}\n${encodedPayload}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function encodeCursor(key: string, ownerId: string, payload: CursorPayload): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(key, ownerId, encoded).toString('base64url')}`;
}

const invalid = (detail: string) => new BadRequestError('invalid_cursor', detail);

/** The payload of a cursor this service signed for this owner and filter, or a 400. */
export function decodeCursor(
  key: string,
  ownerId: string,
  cursor: string,
  fingerprint: string,
): CursorPayload {
  const [encoded, signature, ...rest] = cursor.split('.');
  if (!encoded || !signature || rest.length > 0)
    throw invalid('the cursor is malformed: pass back nextCursor exactly as received');
  const expected = sign(key, ownerId, encoded);
  const given = Buffer.from(signature, 'base64url');
  // Decoding ignores the unused low bits of the last character, so the spelling is compared too:
  // otherwise 16 spellings of one signature would pass.
  const canonical = given.toString('base64url') === signature;
  if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('the cursor was not issued for this listing: start again without a cursor');
  }
  const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as CursorPayload;
  if (payload.filter !== fingerprint) {
    throw invalid(
      'the cursor belongs to a listing with other filters: repeat the same filters as on the first page',
    );
  }
  return payload;
}
