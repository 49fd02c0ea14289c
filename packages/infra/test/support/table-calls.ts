import http from 'node:http';
import { vi } from 'vitest';

const TARGET_PREFIX = 'DynamoDB_20120810.';

/** What one operation (a route, a trigger) asked of the table. */
export interface TableCalls {
  /** `dynamodb:<Action>` of each call. */
  readonly actions: Set<string>;
  /** The `IndexName` of each Query or Scan that read an index. */
  readonly indexes: Set<string>;
}

type RequestOptions = { headers?: Record<string, unknown> };
type End = (chunk?: unknown, ...rest: unknown[]) => http.ClientRequest;

/**
 * Records the DynamoDB calls made in this process while a named operation is in flight, by
 * watching `http.request` (the SDK's NodeHttpHandler sends each call there, to dynalite): the
 * action from the `X-Amz-Target` header, the index from the JSON body. Operations run one at a
 * time, so every call made while one is in flight is its own.
 */
export class TableCallRecorder {
  readonly seen = new Map<string, TableCalls>();
  /**
   * Calls made from these source files are no operation's: the local gateway's own live pushes
   * read each write's item and audience in this process (on AWS the stream's pusher does, with
   * its own grants), while the route that wrote is still in flight. Told apart by the call's
   * (async) stack.
   */
  readonly #ignoredCallers: readonly string[];

  constructor(options: { ignoredCallers?: readonly string[] } = {}) {
    this.#ignoredCallers = options.ignoredCallers ?? ['live-feed'];
  }
  #current: string | undefined;
  /** Makes the `countdown`th coming call of `action` fail, as a DynamoDB error would. */
  #failure: { action: string; countdown: number } | undefined;

  /**
   * Spies on `http.request`. The SDK's NodeHttpHandler keeps the `http.request` it finds on its
   * first call, in module scope, so this must run before the stack's first DynamoDB call, and
   * stays for the test file (`vi.restoreAllMocks` ends it).
   */
  install(): void {
    const request = http.request as (...args: unknown[]) => http.ClientRequest;
    vi.spyOn(http, 'request').mockImplementation(((options: RequestOptions, ...rest: unknown[]) => {
      const target = String(options?.headers?.['x-amz-target'] ?? '');
      const operation = this.#current;
      if (!target.startsWith(TARGET_PREFIX) || !operation || this.#fromIgnoredCaller())
        return request.call(http, options, ...rest);
      const action = target.slice(TARGET_PREFIX.length);
      const calls = this.#calls(operation);
      calls.actions.add(`dynamodb:${action}`);
      let sent = options;
      if (this.#failure?.action === action && --this.#failure.countdown === 0) {
        // Dynalite answers an unknown operation with a 400, which the SDK does not retry.
        sent = { ...options, headers: { ...options.headers, 'x-amz-target': `${TARGET_PREFIX}Injected` } };
        this.#failure = undefined;
      }
      const outgoing = request.call(http, sent, ...rest);
      const end = outgoing.end.bind(outgoing) as End;
      // The handler writes the whole JSON body with end().
      outgoing.end = ((chunk?: unknown, ...more: unknown[]) => {
        if ((chunk instanceof Uint8Array || typeof chunk === 'string') && chunk.length > 0) {
          const index = (JSON.parse(Buffer.from(chunk).toString('utf8')) as { IndexName?: string }).IndexName;
          if (index) calls.indexes.add(index);
        }
        return end(chunk, ...more);
      }) as typeof outgoing.end;
      return outgoing;
    }) as typeof http.request);
  }

  #fromIgnoredCaller(): boolean {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 100;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    return this.#ignoredCallers.some((caller) => stack.includes(caller));
  }

  /** Runs `act` as `operation`: the table calls made meanwhile are recorded under its name. */
  async during<T>(operation: string, act: () => Promise<T>): Promise<T> {
    if (this.#current) throw new Error(`${operation} started while ${this.#current} was in flight`);
    this.#current = operation;
    try {
      return await act();
    } finally {
      this.#current = undefined;
    }
  }

  /** Makes the `nth` coming call of `action` (such as `PutItem`) fail. */
  failNext(action: string, nth = 1): void {
    this.#failure = { action, countdown: nth };
  }

  /** What `operation` asked of the table so far. */
  callsOf(operation: string): TableCalls {
    return this.#calls(operation);
  }

  #calls(operation: string): TableCalls {
    let calls = this.seen.get(operation);
    if (!calls) {
      calls = { actions: new Set(), indexes: new Set() };
      this.seen.set(operation, calls);
    }
    return calls;
  }
}
