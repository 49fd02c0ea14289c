import ky, { isHTTPError, type KyInstance, type Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import {
  type HttpMethod,
  REQUEST_ID_HEADER,
  type RouteName,
  type routes,
  toFieldErrors,
} from '../contract/index.js';
import { errorFromFailure, retryAfterSeconds } from '../errors/from-failure.js';
import { ResponseValidationError } from '../errors/ResponseValidationError.js';
import type { FailedRequest } from '../errors/TodoSdkError.js';
import type { ResolvedOptions } from './options.js';
import { type BodyReading, readText, requestSignal } from './read-text.js';

/** One HTTP call to the API, as the resources describe it. */
export interface ApiCall<Schema extends z.ZodMiniType | null> {
  method: HttpMethod;
  /** The path, already filled in: `/v1/todos/01J…`. */
  path: string;
  searchParams?: URLSearchParams;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** The schema the answer's body must match; `null` for an answer without a body. */
  answer: Schema;
}

/**
 * The schema route `Name` answers with, as the route table declares it. A call names its answer's
 * schema itself (the table stays out of the browser bundle) and checks it with `satisfies
 * AnswerOf<'getTodo'>`, so checking an answer against another route's schema fails to compile.
 */
export type AnswerOf<Name extends RouteName> = (typeof routes)[Name]['success']['body'];

/** The answer of a call: its checked body and the raw response (for headers). */
export interface ApiAnswer<T> {
  data: T;
  response: Response;
}

type Answer<Schema> = Schema extends z.ZodMiniType ? z.output<Schema> : undefined;

/**
 * Whether a request may be sent again without risk of doing its work twice: reads and deletes
 * always; a create only with an `Idempotency-Key`; a change only when conditional (`If-Match`).
 */
export function isSafeToRetry(request: Request): boolean {
  if (request.method === 'POST') return request.headers.has('idempotency-key');
  if (request.method === 'PATCH') return request.headers.has('if-match');
  return true;
}

/** Thrown by the request hook when a provider, asked after a 401, has no fresh token to give. */
class NoFreshToken extends Error {
  override name = 'NoFreshToken';
}

/** Sends calls through ky with the client's retries, timeouts, credentials and checks. */
export class Transport {
  readonly #options: ResolvedOptions;
  readonly #http: KyInstance;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#http = ky.create({
      prefix: options.baseUrl,
      headers: options.headers,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout: options.timeout.attemptMs,
      totalTimeout: options.timeout.totalMs,
      hooks: {
        beforeRequest: [
          async ({ request, options }) => this.#authorize(request, options.context.refresh === true),
        ],
        beforeRetry: [
          async ({ request, error, retryCount }) => {
            options.logger?.warn?.(`retrying ${request.method} ${new URL(request.url).pathname}`, {
              retry: retryCount,
              reason: error.message,
            });
            // A token provider is asked again for each attempt, so a token that expired while
            // retrying is replaced.
            await this.#authorize(request, false);
          },
        ],
      },
    });
  }

  /** Sends the call; answers its checked body, or throws the matching `TodoSdkError`. */
  async send<Schema extends z.ZodMiniType | null>(call: ApiCall<Schema>): Promise<ApiAnswer<Answer<Schema>>> {
    const request: FailedRequest = { method: call.method, path: call.path };
    const deadline = Date.now() + this.#options.timeout.totalMs;
    // ky's timeouts end with the headers: this stops a body that is still coming at the deadline.
    const download = new AbortController();
    const reading: BodyReading = { request, deadline, download, signal: call.signal };
    // A 401 sends the call once more with a fresh token, when a provider can give one. Any
    // method may go again: the API refuses an unauthorized request before doing anything.
    let refused: unknown;
    for (let refresh = false; ; refresh = true) {
      try {
        const response = await this.#http(call.path.replace(/^\//, ''), {
          method: call.method,
          ...(call.json === undefined ? {} : { json: call.json }),
          ...(call.searchParams ? { searchParams: call.searchParams } : {}),
          ...(call.headers ? { headers: call.headers } : {}),
          signal: requestSignal(reading),
          retry: this.#retryFor(deadline),
          context: { refresh },
          ...(refresh ? { totalTimeout: Math.max(1, deadline - Date.now()) } : {}),
        });
        return { data: (await this.#read(response, call.answer, reading)) as Answer<Schema>, response };
      } catch (thrown) {
        // A provider with no fresh token: the first 401 stands, and nothing is sent again.
        const error = thrown instanceof NoFreshToken && refused !== undefined ? refused : thrown;
        if (!refresh && this.#mayRefresh(error)) {
          refused = error;
          continue;
        }
        const failure = errorFromFailure(error, request, call.signal);
        this.#options.logger?.debug?.(`${call.method} ${call.path} failed`, { error: String(failure) });
        throw failure;
      }
    }
  }

  #mayRefresh(error: unknown): boolean {
    return typeof this.#options.auth === 'function' && isHTTPError(error) && error.response.status === 401;
  }

  #retryFor(deadline: number): KyOptions['retry'] {
    const { limit, baseDelayMs, maxDelayMs } = this.#options.retry;
    return {
      limit,
      methods: ['get', 'post', 'patch', 'delete'],
      statusCodes: [408, 409, 429, 500, 502, 503, 504],
      afterStatusCodes: [409, 429, 503],
      delay: (attempt) => baseDelayMs * 2 ** (attempt - 1),
      jitter: true,
      backoffLimit: maxDelayMs,
      retryOnTimeout: true,
      shouldRetry: ({ error, retryCount }) => {
        const sent = (error as { request?: Request }).request;
        if (sent && !isSafeToRetry(sent)) return false;
        // A wait that could run past the call's deadline would only end in a timeout, losing the
        // real failure: report it now instead.
        const backoffCapMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (retryCount - 1));
        if (!isHTTPError(error)) return Date.now() + backoffCapMs > deadline ? false : undefined;
        // A 409 is worth retrying only while the first request with the same key is in flight.
        const code = (error.data as { code?: unknown } | undefined)?.code;
        if (error.response.status === 409 && code !== 'idempotency_in_progress') return false;
        const wait = retryAfterSeconds(error.response.headers.get('retry-after'));
        const waitMs = wait === undefined ? backoffCapMs : wait * 1000;
        return Date.now() + waitMs > deadline ? false : undefined;
      },
    };
  }

  async #authorize(request: Request, refresh: boolean): Promise<void> {
    const { auth } = this.#options;
    const value = typeof auth === 'function' ? await auth({ refresh }) : auth;
    if (value) request.headers.set('Authorization', `Bearer ${value}`);
    else if (refresh) throw new NoFreshToken('the token provider has no fresh token');
  }

  async #read(response: Response, schema: z.ZodMiniType | null, reading: BodyReading): Promise<unknown> {
    if (schema === null) return undefined;
    const { request } = reading;
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    const text = await readText(response, reading);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new ResponseValidationError(
        `${request.method} ${request.path}: the answer is not JSON (${response.status}, ${type}): is baseUrl the todolist API?`,
        { request, status: response.status, code: 'response_invalid', requestId, issues: [], cause },
      );
    }
    if (this.#options.validate === 'off') return body;
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issues = toFieldErrors(parsed.error);
    throw new ResponseValidationError(
      `${request.method} ${request.path}: the answer does not match the API contract: ${issues
        .slice(0, 3)
        .map((issue) => `${issue.path || 'body'}: ${issue.message}`)
        .join('; ')}`,
      { request, status: response.status, code: 'response_invalid', requestId, issues, cause: parsed.error },
    );
  }
}
