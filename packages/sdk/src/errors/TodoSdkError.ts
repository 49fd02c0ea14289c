import type { FieldError, Problem } from '../contract/index.js';

// Every SDK error carries the kinds of its class chain under a registry symbol, so `instanceof`
// holds across realms and across the ESM and CommonJS copies of the SDK that one app may load:
// two copies have two `NotFoundError` classes but share `Symbol.for`.
const KINDS = Symbol.for('@todolist/sdk/error-kinds');

/** The request an error happened on. */
export interface FailedRequest {
  /** `GET`, `POST`, … */
  method: string;
  /** The URL path, such as `/v1/todos/01J…`. */
  path: string;
}

/** What every SDK error can carry besides its message. */
export interface TodoSdkErrorOptions extends ErrorOptions {
  request: FailedRequest;
  /** The HTTP status, when the server answered. */
  status?: number | undefined;
  /** The API's problem `code`, or the SDK's own for failures without an answer. */
  code: string;
  /** The server's request id, to quote when reporting a problem. */
  requestId?: string | undefined;
  /** The problem details document the server answered with. */
  problem?: Problem | undefined;
  /** Per-field reasons; taken from `problem.errors` when not given. */
  fieldErrors?: readonly FieldError[] | undefined;
}

/**
 * The base of every error the SDK throws: an HTTP error answer, a failure to get one, or an
 * answer that breaks the contract. Catch this to handle them all; catch a subclass to handle
 * one case. Not one: a `TypeError` from calling the SDK with arguments its types forbid.
 *
 * @example
 * ```ts
 * try {
 *   await client.todos.get(id);
 * } catch (error) {
 *   if (error instanceof NotFoundError) return undefined;
 *   if (error instanceof TodoSdkError) console.error(error.message, error.requestId);
 *   throw error;
 * }
 * ```
 */
export class TodoSdkError extends Error {
  /** The stable kind this class stands for; survives minification, unlike the class name. */
  static readonly kind: string = 'TodoSdkError';

  override name = 'TodoSdkError';
  readonly status: number | undefined;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly problem: Problem | undefined;
  readonly method: string;
  readonly path: string;
  /** The per-field reasons of a refused request body or query, when there are any. */
  readonly fieldErrors: readonly FieldError[];
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options: TodoSdkErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.problem = options.problem;
    this.method = options.request.method;
    this.path = options.request.path;
    this.fieldErrors = options.fieldErrors ?? options.problem?.errors ?? [];
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
    this.name = (new.target as typeof TodoSdkError).kind;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about, a subclass included.
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

function kindsOf(target: object): string[] {
  const kinds: string[] = [];
  for (let current = target; current && 'kind' in current; current = Object.getPrototypeOf(current)) {
    const kind = (current as typeof TodoSdkError).kind;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** True for any error the SDK throws, from any copy of the SDK. */
export function isTodoSdkError(value: unknown): value is TodoSdkError {
  return value instanceof TodoSdkError;
}
