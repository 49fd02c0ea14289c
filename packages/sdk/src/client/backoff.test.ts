import { describe, expect, it } from 'vitest';
import { backoffCapMs, jitteredBackoffMs } from './backoff.js';

const BACKOFF = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe('the backoff between reconnects', () => {
  it('doubles its cap from baseDelayMs with each failure in a row, up to maxDelayMs', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((retry) => backoffCapMs(retry, BACKOFF))).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('waits a random share of the cap (full jitter), never more, never less than nothing', () => {
    expect(jitteredBackoffMs(3, BACKOFF, () => 0)).toBe(0);
    expect(jitteredBackoffMs(3, BACKOFF, () => 0.5)).toBe(1000);
    expect(jitteredBackoffMs(3, BACKOFF, () => 0.999_999)).toBe(2000);
    expect(jitteredBackoffMs(50, BACKOFF, () => 0.999_999)).toBe(30_000);
  });
});
