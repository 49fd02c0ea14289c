import { describe, expect, it } from 'vitest';
import { hasShortId, MAX_SHORT_ID, MIN_SHORT_ID, SHORT_ID, shortId, shortIdLength } from './short-id.js';

// The ids of one import differ only in their last characters, and two imports share those.
const importIds = (importPart: string, rows: number) =>
  Array.from({ length: rows }, (_, row) => `01M8T09854${importPart}${String(row).padStart(8, '0')}`);

describe('short ids', () => {
  it('are letters a person can type back, never a row number or the start of an id', () => {
    for (const id of importIds('KSVTYHXF', 50)) {
      expect(shortId(id)).toMatch(SHORT_ID);
      expect(shortId(id)).toHaveLength(MAX_SHORT_ID);
      expect(hasShortId(id, shortId(id).slice(0, 4).toUpperCase())).toBe(true);
    }
  });

  it('tell apart the rows of two imports in at most 8 letters, from 4', () => {
    const ids = [...importIds('KSVTYHXF', 2000), ...importIds('ABCDEFGH', 2000)];
    const length = shortIdLength(ids);
    expect(length).toBeGreaterThanOrEqual(MIN_SHORT_ID);
    expect(length).toBeLessThanOrEqual(MAX_SHORT_ID);
    expect(new Set(ids.map((id) => shortId(id).slice(0, length))).size).toBe(ids.length);
    expect(shortIdLength(ids.slice(0, 3))).toBe(MIN_SHORT_ID);
  });

  it('are the same in any case of the id', () => {
    expect(shortId('01m89ddhetkbv6x5evh5egt27h')).toBe(shortId('01M89DDHETKBV6X5EVH5EGT27H'));
  });
});
