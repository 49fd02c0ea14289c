/** Stage throttling settings, as API Gateway's: a steady rate and a burst. */
export interface ThrottleSettings {
  /** Requests per second refilled. */
  rateLimit: number;
  /** Requests that may arrive at once. */
  burstLimit: number;
}

/**
 * A token bucket, the algorithm API Gateway throttles with. `take()` answers how many seconds
 * to wait (for `Retry-After`) when the bucket is empty, or 0 when the request may go ahead.
 */
export class TokenBucket {
  readonly #settings: ThrottleSettings;
  readonly #now: () => number;
  #tokens: number;
  #updated: number;

  constructor(settings: ThrottleSettings, now: () => number = () => performance.now()) {
    this.#settings = settings;
    this.#now = now;
    this.#tokens = settings.burstLimit;
    this.#updated = now();
  }

  take(): number {
    const now = this.#now();
    const refill = ((now - this.#updated) / 1000) * this.#settings.rateLimit;
    this.#tokens = Math.min(this.#settings.burstLimit, this.#tokens + refill);
    this.#updated = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.#settings.rateLimit));
  }
}

/** Callers whose buckets are kept; past this, the one unseen the longest is forgotten (a full bucket again). */
const MAX_CALLERS = 10_000;

/**
 * A {@link TokenBucket} per caller, as the deployed API's WAF rate rule counts per
 * `Authorization` header: one person's flood empties their own bucket, never another's. A
 * request without the header counts for its client's address.
 */
export class PerCallerThrottle {
  readonly #settings: ThrottleSettings;
  readonly #now: () => number;
  // A Map keeps insertion order: a caller is moved to the end when seen, so the first is the stalest.
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(settings: ThrottleSettings, now: () => number = () => performance.now()) {
    this.#settings = settings;
    this.#now = now;
  }

  /** Seconds to wait before `caller` may send again (for `Retry-After`), or 0 to go ahead. */
  take(caller: string): number {
    const bucket = this.#buckets.get(caller) ?? new TokenBucket(this.#settings, this.#now);
    this.#buckets.delete(caller);
    this.#buckets.set(caller, bucket);
    if (this.#buckets.size > MAX_CALLERS) this.#buckets.delete(this.#buckets.keys().next().value as string);
    return bucket.take();
  }
}
