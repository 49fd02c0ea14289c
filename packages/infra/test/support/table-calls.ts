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
      if (!target.startsWith(TARGET_PREFIX) || !operation) return request.call(http, options, ...rest);
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
