import * as endpoints from '../contract/endpoints.js';
import {
  type QuickAddCreated,
  type QuickAddPreview,
  Todo,
  TodoCreate,
  type TodoCreate as TodoCreateInput,
  type TodoImportItem,
  TodoListQuery,
  type TodoListQuery as TodoListQueryInput,
  TodoPage,
  TodoPatch,
  type TodoPatch as TodoPatchInput,
} from '../contract/index.js';
import type { MAX_PAGE_SIZE } from '../contract/limits.js';
import { isPreconditionFailedError } from '../errors/PreconditionFailedError.js';
import { fillPath } from './fill-path.js';
import { type ImportOptions, type ImportSummary, importMany } from './import-many.js';
import { everyItem, withCursor } from './paging.js';
import { type QuickAddRequestOptions, sendQuickAdd } from './quick-todo.js';
import { checkId, checkInput, idempotencyKeyHeader, ifMatchHeader } from './request-checks.js';
import { searchParamsOf } from './search-params.js';
import type { AnswerOf, Transport } from './transport.js';

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call at once, retries and all. */
  signal?: AbortSignal;
}

/** Options of a create. */
export interface CreateOptions extends CallOptions {
  /**
   * The key that makes retries of this create safe; `false` sends none, and the create is then
   * never retried. @default a fresh UUID per call, reused by its retries
   */
  idempotencyKey?: string | false;
}

/** Options of a change or a delete. */
export interface ConditionalOptions extends CallOptions {
  /** Only if the todo, list or saved filter is still at this version (a number, or the ETag); otherwise {@link PreconditionFailedError}. */
  ifMatch?: number | string;
}

/** Which todos to list, and how many per page. */
export type ListQuery = Omit<TodoListQueryInput, 'limit' | 'cursor'> & {
  /** The previous page's `nextCursor`; `null` or absent starts at the beginning. */
  cursor?: string | null;
  /** Todos per page, 1–{@link MAX_PAGE_SIZE} (100). @default 25 */
  limit?: number;
};

/** Options of {@link TodosResource.updateWith}. */
export interface UpdateWithOptions extends CallOptions {
  /** How many read-change-write rounds to try before giving up with the last 412. @default 5 */
  maxAttempts?: number;
}

/** The todos of the caller: `client.todos`. */
export class TodosResource {
  readonly #transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Creates a todo. Safe to retry: the SDK sends an `Idempotency-Key` (its own, or yours) and
   * reuses it on every retry, so a retried create never makes two todos.
   *
   * @example
   * ```ts
   * const todo = await client.todos.create({ title: 'Buy milk', dueDate: '2026-12-01', tags: ['home'] });
   * ```
   */
  async create(input: TodoCreateInput, options: CreateOptions = {}): Promise<Todo> {
    const { method, path } = endpoints.createTodo;
    const body = checkInput(TodoCreate, input, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      headers: idempotencyKeyHeader(options.idempotencyKey, { method, path }),
      signal: options.signal,
      answer: Todo satisfies AnswerOf<'createTodo'>,
    });
    return data;
  }

  /**
   * Creates a todo from a line of text, read by the API as `@todolist/sdk/quick-add` reads it
   * (`@list` names one of the caller's lists, own or shared; a name that fits none stays in the
   * title): answers the todo and how the text was read. With `dryRun: true`, only the reading and
   * the create it would make; nothing is created. Safe to retry, as {@link TodosResource.create}.
   * The due time and the repeat are the todo's `dueTime` and `recurrence`.
   *
   * @example
   * ```ts
   * const { todo, parse } = await client.todos.quickAdd('Pay rent dec 24 p1 #home @flat', { timeZone: 'Europe/Paris' });
   * const { create } = await client.todos.quickAdd('Milk tomorrow', { dryRun: true });
   * ```
   */
  quickAdd(text: string, options: QuickAddRequestOptions & { dryRun: true }): Promise<QuickAddPreview>;
  quickAdd(text: string, options?: QuickAddRequestOptions & { dryRun?: false }): Promise<QuickAddCreated>;
  quickAdd(text: string, options: QuickAddRequestOptions = {}): Promise<QuickAddCreated | QuickAddPreview> {
    return sendQuickAdd(this.#transport, text, options);
  }

  /**
   * One page of todos: of one list (`listId`) or of every list the caller can see, in creation
   * order or, for one list, its manual order (`sort: 'manual'`). Pass `nextCursor` back as `cursor` for the next
   * page, or let {@link TodosResource.iterate} do it.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.todos.list({ status: 'open', limit: 50 });
   * ```
   */
  async list(query: ListQuery = {}, options: CallOptions = {}): Promise<TodoPage> {
    const { method, path } = endpoints.listTodos;
    const sent = withCursor(query);
    checkInput(TodoListQuery, sent, { method, path }, 'invalid_query');
    const { data } = await this.#transport.send({
      method,
      path,
      searchParams: searchParamsOf(sent),
      signal: options.signal,
      answer: TodoPage satisfies AnswerOf<'listTodos'>,
    });
    return data;
  }

  /**
   * Every todo that matches, page after page, following the cursors: MAX_PAGE_SIZE (100) a page unless
   * `limit` says otherwise. Stops fetching when the loop stops reading.
   *
   * @example
   * ```ts
   * for await (const todo of client.todos.iterate({ tag: 'work' })) console.log(todo.title);
   * ```
   */
  async *iterate(
    query: Omit<ListQuery, 'cursor'> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Todo, void, undefined> {
    yield* everyItem((page) => this.list(page, options), query);
  }

  /**
   * One todo; its `version` is what `ifMatch` takes.
   *
   * @example
   * ```ts
   * const todo = await client.todos.get('01KMZ7X3Q4V8N2B6C9D1E5F7G0');
   * ```
   */
  async get(id: string, options: CallOptions = {}): Promise<Todo> {
    const { method, path: template } = endpoints.getTodo;
    const path = fillPath(template, { id: checkId(id, { method, path: template }) });
    const { data } = await this.#transport.send({
      method,
      path,
      signal: options.signal,
      answer: Todo satisfies AnswerOf<'getTodo'>,
    });
    return data;
  }

  /**
   * Changes some fields. With `ifMatch`, only if nobody changed the todo since that version
   * (and then it is also safe to retry); otherwise throws {@link PreconditionFailedError}.
   *
   * @example
   * ```ts
   * const todo = await client.todos.get(id);
   * await client.todos.update(id, { title: 'Buy oat milk' }, { ifMatch: todo.version });
   * ```
   */
  async update(id: string, patch: TodoPatchInput, options: ConditionalOptions = {}): Promise<Todo> {
    const { method, path: template } = endpoints.updateTodo;
    const path = fillPath(template, { id: checkId(id, { method, path: template }) });
    const body = checkInput(TodoPatch, patch, { method, path });
    const { data } = await this.#transport.send({
      method,
      path,
      json: body,
      headers: ifMatchHeader(options.ifMatch, { method, path }),
      signal: options.signal,
      answer: Todo satisfies AnswerOf<'updateTodo'>,
    });
    return data;
  }

  /**
   * Moves a todo in its list's manual order: right after the todo `after`, or to the top with
   * `null`; with `listId`, to that list (last, unless `after` says where). One write, whatever
   * the list's length.
   *
   * @example
   * ```ts
   * await client.todos.move(id, { after: otherId });
   * await client.todos.move(id, { listId: groceries.id });
   * ```
   */
  move(
    id: string,
    to: { after?: string | null; listId?: string },
    options: ConditionalOptions = {},
  ): Promise<Todo> {
    return this.update(id, to, options);
  }

  /**
   * Marks a todo done.
   *
   * @example
   * ```ts
   * await client.todos.complete(id);
   * ```
   */
  complete(id: string, options: ConditionalOptions = {}): Promise<Todo> {
    return this.update(id, { completed: true }, options);
  }

  /**
   * Marks a done todo open again.
   *
   * @example
   * ```ts
   * await client.todos.reopen(id);
   * ```
   */
  reopen(id: string, options: ConditionalOptions = {}): Promise<Todo> {
    return this.update(id, { completed: false }, options);
  }

  /**
   * Deletes a todo; with `ifMatch`, only if it is still at that version.
   *
   * @example
   * ```ts
   * await client.todos.delete(id);
   * ```
   */
  async delete(id: string, options: ConditionalOptions = {}): Promise<void> {
    const { method, path: template } = endpoints.deleteTodo;
    const path = fillPath(template, { id: checkId(id, { method, path: template }) });
    await this.#transport.send({
      method,
      path,
      headers: ifMatchHeader(options.ifMatch, { method, path }),
      signal: options.signal,
      answer: null satisfies AnswerOf<'deleteTodo'>,
    });
  }

  /**
   * Creates many todos from any iterable or async iterable of creates (an array, a generator
   * over a file's lines), in batches, a few requests at a time, reading the source only as fast
   * as they go out. Each item's id comes from the import id and its position: run the same
   * import again with the same `importId` and nothing is duplicated, and todos changed since
   * the first run are left as they are. Bad items are reported with their position; the good
   * ones still go in.
   *
   * @example
   * ```ts
   * const { created, existing, rejected } = await client.todos.importMany(rows, {
   *   importId, // keep it to resume after a crash
   *   onProgress: ({ read }) => console.log(`${read} sent`),
   * });
   * ```
   */
  importMany(
    source: Iterable<TodoImportItem> | AsyncIterable<TodoImportItem>,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    return importMany(this.#transport, source, options);
  }

  /**
   * Reads the todo, computes a change from it, and writes it conditionally; if someone else
   * changed the todo in between (412), reads again and recomputes. `change` may answer
   * `undefined` to write nothing.
   *
   * @example
   * ```ts
   * await client.todos.updateWith(id, (todo) => ({ tags: [...todo.tags, 'urgent'] }));
   * ```
   */
  async updateWith(
    id: string,
    change: (todo: Todo) => TodoPatchInput | undefined | Promise<TodoPatchInput | undefined>,
    options: UpdateWithOptions = {},
  ): Promise<Todo> {
    const maxAttempts = options.maxAttempts ?? 5;
    const call = options.signal ? { signal: options.signal } : {};
    for (let attempt = 1; ; attempt++) {
      const todo = await this.get(id, call);
      const patch = await change(todo);
      if (patch === undefined) return todo;
      try {
        return await this.update(id, patch, { ...call, ifMatch: todo.version });
      } catch (error) {
        if (!isPreconditionFailedError(error) || attempt >= maxAttempts) throw error;
      }
    }
  }
}
