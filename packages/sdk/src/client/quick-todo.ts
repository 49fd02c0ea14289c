// Named quick-todo: every file whose path says quick-add is held out of the main bundles (src/quick-add/entry.test.ts).
import * as endpoints from '../contract/endpoints.js';
import {
  QuickAddCreated,
  QuickAddPreview,
  QuickAddRequest,
  type QuickAddRequest as QuickAddRequestInput,
  type routes,
} from '../contract/index.js';
import { checkInput, idempotencyKeyHeader } from './request-checks.js';
import type { CreateOptions } from './todos.js';
import type { AnswerOf, Transport } from './transport.js';

/** Options of `client.todos.quickAdd`. */
export interface QuickAddRequestOptions extends CreateOptions {
  /**
   * The person's IANA time zone: "today" and "friday" are read as their days.
   * @default this runtime's zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`)
   */
  timeZone?: string;
  /** The list the todo goes to when the text names none (`@list`). @default the Inbox */
  listId?: string;
  /** Only read the text: answer the parse and the create it would make, and create nothing. @default false */
  dryRun?: boolean;
}

/** `POST /v1/todos/quick`: a todo from a line of text, or (`dryRun`) how the text reads. */
export async function sendQuickAdd(
  transport: Transport,
  text: string,
  options: QuickAddRequestOptions,
): Promise<QuickAddCreated | QuickAddPreview> {
  const { method, path } = endpoints.quickAddTodo;
  const request: QuickAddRequestInput = {
    text,
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(options.listId === undefined ? {} : { listId: options.listId }),
  };
  const body = checkInput(QuickAddRequest, request, { method, path });
  // A dry run takes the key too (and ignores it), so that it is retried as the create is.
  const headers = idempotencyKeyHeader(options.idempotencyKey, { method, path });
  const call = { method, path, json: body, headers, signal: options.signal };
  if (options.dryRun) {
    const searchParams = new URLSearchParams({ dryRun: 'true' });
    const answer = QuickAddPreview satisfies DryRunAnswer;
    return (await transport.send({ ...call, searchParams, answer })).data;
  }
  const answer = QuickAddCreated satisfies AnswerOf<'quickAddTodo'>;
  return (await transport.send({ ...call, answer })).data;
}

/** The schema of a dry run's answer, as the route table declares it. */
type DryRunAnswer = (typeof routes)['quickAddTodo']['otherSuccess']['body'];
