/** Where the SDK reports what it does, for debugging: any object with these methods, such as `console`. */
export interface SdkLogger {
  debug?(message: string, details?: Record<string, unknown>): void;
  warn?(message: string, details?: Record<string, unknown>): void;
}

/** How the SDK retries failed calls. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. @default 3 */
  limit?: number;
  /** The first retry's largest delay, in ms; each later one doubles it (full jitter). @default 300 */
  baseDelayMs?: number;
  /** The largest backoff between two attempts, in ms; a server's `Retry-After` is honored beyond it, within `timeout.totalMs`. @default 10000 */
  maxDelayMs?: number;
}

/** How long the SDK waits. */
export interface TimeoutOptions {
  /** One attempt, until the answer's headers. @default 10000 */
  attemptMs?: number;
  /** The whole call, retries and delays included. @default 30000 */
  totalMs?: number;
}

/** What a {@link TokenProvider} is asked for. */
export interface TokenRequest {
  /**
   * True when the API refused the token given last (401): give a new one (refresh it, sign in
   * again), not a cached copy. The call is sent once more with it; with none (`undefined`) the
   * call ends with the 401's `UnauthorizedError`, sending nothing more.
   */
  refresh: boolean;
}

/** Gives the bearer token for a request; `undefined` sends none. Called for every attempt. */
export type TokenProvider = (request: TokenRequest) => string | undefined | Promise<string | undefined>;

/** The options of {@link createClient}. */
export interface ClientOptions {
  /** The API's base URL, without `/v1`: `http://localhost:3000` or `https://api.todolist.com`. */
  baseUrl: string | URL;
  /**
   * The credentials: a bearer token sent as `Authorization`, or a {@link TokenProvider} asked for
   * one on every attempt; after a 401 the provider is asked for a fresh token (`refresh: true`)
   * and the call is sent once more, then the 401 is an `UnauthorizedError`. @default none
   */
  auth?: string | TokenProvider;
  /** The `fetch` to use: a test double, or one with a proxy. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms, or both limits. @default { attemptMs: 10000, totalMs: 30000 } */
  timeout?: number | TimeoutOptions;
  /** Retry settings, a retry count, or `false`. @default { limit: 3, baseDelayMs: 300, maxDelayMs: 10000 } */
  retry?: number | false | RetryOptions;
  /** `'strict'` checks every answer against the contract; `'off'` trusts the server. @default 'strict' */
  validate?: 'strict' | 'off';
  /** Receives a line per retry and per failed call. @default none */
  logger?: SdkLogger;
  /** Headers added to every request. @default none */
  headers?: Record<string, string>;
  /**
   * Where `client.subscribe` opens its WebSocket: on AWS, the WebSocket API's own URL (the
   * stack's `LiveUrl` output, `wss://…`). Checked when a subscription starts.
   * @default `baseUrl` with `ws:` for `http:` (`wss:` for `https:`) and the path `/v1/live`, as the local gateway serves it
   */
  liveUrl?: string | URL;
}

/** The options after defaults, as the SDK uses them. */
export interface ResolvedOptions {
  baseUrl: string;
  auth: ClientOptions['auth'];
  fetch: typeof fetch | undefined;
  timeout: Required<TimeoutOptions>;
  retry: Required<RetryOptions>;
  validate: 'strict' | 'off';
  logger: SdkLogger | undefined;
  headers: Record<string, string>;
}

function resolveTimeout(timeout: ClientOptions['timeout']): Required<TimeoutOptions> {
  const given = typeof timeout === 'number' ? { attemptMs: timeout } : (timeout ?? {});
  const attemptMs = given.attemptMs ?? 10_000;
  return { attemptMs, totalMs: given.totalMs ?? Math.max(30_000, attemptMs) };
}

function resolveRetry(retry: ClientOptions['retry']): Required<RetryOptions> {
  const given = retry === false ? { limit: 0 } : typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit: given.limit ?? 3,
    baseDelayMs: given.baseDelayMs ?? 300,
    maxDelayMs: given.maxDelayMs ?? 10_000,
  };
}

/** Fills in the defaults, and refuses options that cannot work, with a message saying why. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  let baseUrl: URL;
  try {
    baseUrl = new URL(String(options.baseUrl));
  } catch {
    throw new TypeError(
      `baseUrl must be an absolute URL such as http://localhost:3000 (got "${String(options.baseUrl)}")`,
    );
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') {
    throw new TypeError(`baseUrl must be an http or https URL (got "${baseUrl.href}")`);
  }
  const resolved: ResolvedOptions = {
    baseUrl: baseUrl.href.replace(/\/+$/, ''),
    auth: options.auth,
    fetch: options.fetch,
    timeout: resolveTimeout(options.timeout),
    retry: resolveRetry(options.retry),
    validate: options.validate ?? 'strict',
    logger: options.logger,
    headers: { ...options.headers },
  };
  if (!Number.isInteger(resolved.retry.limit) || resolved.retry.limit < 0) {
    throw new TypeError(`retry.limit must be a whole number, 0 or more (got ${resolved.retry.limit})`);
  }
  return resolved;
}
