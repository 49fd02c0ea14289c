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
