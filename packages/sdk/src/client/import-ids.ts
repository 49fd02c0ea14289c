// Ids for bulk imports. An import's items get ids derived from the import's id and their
// position, so running the same import again (after a crash, say) lands on the same ids and
// the server leaves those already there alone. Written here rather than taken from the `ulid`
// package because the derived ids are not random ULIDs, and the import id needs only a few lines.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: bigint, length: number): string {
  let text = '';
  let rest = value;
  for (let position = 0; position < length; position++) {
    text = CROCKFORD[Number(rest % 32n)] + text;
    rest /= 32n;
  }
  return text;
}

/** A new import id: a ULID (creation time, then 80 random bits). */
export function newImportId(now = Date.now()): string {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(10));
  const bits = random.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
  return base32(BigInt(now), 10) + base32(bits, 16);
}

// FNV-1a, 64-bit: spreads imports that started in the same millisecond apart; not for secrets.
function fnv1a(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/**
 * The id of the item at `index` (from 0) of import `importId`: the import's time (so imported
 * todos list after older ones), 40 bits of the import id's hash, then the position, so an
 * import's todos list in file order. Up to 32⁸ (about 10¹²) items per import.
 */
export function importItemId(importId: string, index: number): string {
  const time = /^[0-7][0-9A-HJKMNP-TV-Z]{9}/.test(importId)
    ? importId.slice(0, 10)
    : base32(fnv1a(`time:${importId}`) & 0xffffffffffffn, 10);
  return time + base32(fnv1a(importId) & 0xffffffffffn, 8) + base32(BigInt(index), 8);
}
