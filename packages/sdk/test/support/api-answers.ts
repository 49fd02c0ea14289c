import { HttpResponse } from 'msw';
import {
  ERROR_CODES,
  type ErrorCode,
  type FieldError,
  PROBLEM_MEDIA_TYPE,
  problemType,
  type Todo,
} from '../../src/contract/index.js';

/** A well-formed todo id (a ULID). */
export const TODO_ID = '01KMZ7X3Q4V8N2B6C9D1E5F7G0';

/** A todo as the API answers it, with the given fields changed. */
export function aTodo(overrides: Partial<Todo> = {}): Todo {
  return {
    id: TODO_ID,
    title: 'Buy milk',
    notes: null,
    completed: false,
    completedAt: null,
    dueDate: null,
    dueTime: null,
    recurrence: null,
    completions: [],
    priority: 'normal',
    tags: [],
    listId: 'inbox',
    position: 'a0',
    createdBy: 'c0ffee00-0000-4000-8000-000000000001',
    updatedBy: 'c0ffee00-0000-4000-8000-000000000001',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    version: 1,
    ...overrides,
  };
}

/** What a problem answer carries besides its code. */
export interface ProblemAnswerOptions {
  /** @default the code's own status */
  status?: number;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** An error answer as the API gives it: an `application/problem+json` document for the code. */
export function problemAnswer(code: ErrorCode, options: ProblemAnswerOptions = {}): Response {
  const status = options.status ?? ERROR_CODES[code].status;
  const body = {
    type: problemType(code),
    title: ERROR_CODES[code].title,
    status,
    code,
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
    ...(options.errors === undefined ? {} : { errors: options.errors }),
  };
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': PROBLEM_MEDIA_TYPE, ...options.headers },
  });
}

/**
 * An error answer that is not a problem document, as API Gateway itself answers a 502, 504 or
 * throttled request: `{"message": …}`, with its request id only in `x-amzn-RequestId`.
 */
export function gatewayAnswer(status: number, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ message: `gateway answered ${status}` }, { status, headers });
}

/**
 * A 200 whose headers come at once and whose body stops after a few bytes: it stalls, or with
 * `cutOffAfterMs` the connection fails then.
 */
export function partialAnswer(options: { cutOffAfterMs?: number } = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":'));
      const { cutOffAfterMs } = options;
      if (cutOffAfterMs !== undefined)
        setTimeout(() => controller.error(new Error('connection reset')), cutOffAfterMs);
    },
  });
  // A length the body never reaches: without one, msw's socket closing after an abort reads to
  // undici as the end of a complete answer, which trips an assertion inside undici.
  return new HttpResponse(body, {
    headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' },
  });
}

/**
 * A resolver that answers with each of the given answers in turn, then repeats the last; each
 * is a function because a `Response` body can be read only once.
 */
export function inTurn(...answers: Array<() => Response | Promise<Response>>): () => Promise<Response> {
  let next = 0;
  return async () => {
    const answer = answers[Math.min(next, answers.length - 1)];
    next += 1;
    if (!answer) throw new Error('inTurn needs at least one answer');
    return answer();
  };
}
