/** How a wait between attempts grows: from `baseDelayMs`, doubling, up to `maxDelayMs`. */
export interface Backoff {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The longest wait before retry `retry` (1 for the first): `baseDelayMs × 2^(retry-1)`, capped at `maxDelayMs`. */
export function backoffCapMs(retry: number, backoff: Backoff): number {
  return Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (retry - 1));
}

/**
 * The wait before retry `retry`, with full jitter (a random share of the cap), so that many
 * clients failing at once, as when a server restarts, do not come back at once.
 */
export function jitteredBackoffMs(
  retry: number,
  backoff: Backoff,
  random: () => number = Math.random,
): number {
  return Math.round(random() * backoffCapMs(retry, backoff));
}
