import {
  INBOX_LIST_ID,
  type QuickAddParsed,
  type QuickAddRequest,
  TodoCreate,
  type TodoCreate as TodoCreateInput,
} from '@todolist/sdk/contract';
import { keepListWords, parseQuickAdd, toTodoCreate } from '@todolist/sdk/quick-add';
import { ValidationError } from '../errors.js';
import type { ListStore } from '../store/list-store.js';

/** A quick-add text as the route reads it: the parse, the create it makes, a list name that fit none. */
export interface QuickAddReading {
  parse: QuickAddParsed;
  create: TodoCreateInput & { listId: string };
  unknownList?: string;
}

/**
 * Reads the text at `now` in the request's time zone, and finds the list its `@name` means
 * among those the caller can see; a name that fits none stays in the title, and the todo goes
 * to the request's `listId` (the Inbox by default). A todo the text cannot make (a title over
 * the limit) is a 422 on `text`.
 */
export async function readQuickAdd(
  lists: ListStore,
  callerId: string,
  request: QuickAddRequest,
  now: Date,
): Promise<QuickAddReading> {
  const { text, timeZone } = request;
  let parse = parseQuickAdd(text, { now, timeZone });
  let listId = request.listId ?? INBOX_LIST_ID;
  let unknownList: string | undefined;
  if (parse.list !== undefined) {
    const named = await lists.idNamed(callerId, parse.list);
    if (named === undefined) {
      unknownList = parse.list;
      parse = keepListWords(text, parse);
    } else {
      listId = named;
    }
  }
  const checked = TodoCreate.safeParse({ ...toTodoCreate(parse), listId });
  if (!checked.success) {
    const errors = checked.error.issues.map((issue) => ({
      path: 'text',
      message: `the todo read from text is not valid: ${issue.message}`,
    }));
    throw new ValidationError(errors.map((error) => error.message).join('; '), errors);
  }
  return { parse, create: { ...checked.data, listId }, ...(unknownList ? { unknownList } : {}) };
}
