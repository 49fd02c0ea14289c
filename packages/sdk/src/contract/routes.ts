import type * as z from 'zod/mini';
import { ChangePage } from './changes.js';
import { ChangesQuery } from './changes-query.js';
import * as endpoints from './endpoints.js';
import type { ErrorCode } from './error-codes.js';
import { Health } from './health.js';
import { TodoImportResponse } from './import.js';
import { TodoImportRequest } from './import-request.js';
import { MAX_IMPORT_BODY_BYTES, MAX_SAVED_FILTERS } from './limits.js';
import { TodoListQuery, TodoPage } from './list.js';
import {
  List,
  ListCreate,
  ListDeleteQuery,
  ListPage,
  ListPatch,
  ListPathParams,
  ListsQuery,
} from './lists.js';
import { Member, MemberInvite, MemberPage, MemberPathParams } from './members.js';
import { OpenApiDocument } from './openapi-document.js';
import { QuickAddCreated, QuickAddPreview, QuickAddQuery, QuickAddRequest } from './quick-todo.js';
import {
  SavedFilter,
  SavedFilterCreate,
  SavedFilterPage,
  SavedFilterPatch,
  SavedFilterPathParams,
} from './saved-filters.js';
import { Todo, TodoCreate, TodoPatch, TodoPathParams } from './todo.js';

/** A request header a route reads, documented in the OpenAPI document and allowed through CORS. */
export interface RouteHeader {
  readonly name: string;
  readonly description: string;
}

/**
 * One operation of the API: its {@link endpoints.Endpoint} (method and path) and everything else about it.
 * Everything that needs the routes (handlers, local gateway, CDK, SDK, OpenAPI) loops over
 * {@link routes}; no path string is written twice.
 */
export interface RouteDefinition extends endpoints.Endpoint {
  /** The operation's name, verbNoun; also the Lambda function's and the handler file's name. */
  readonly name: string;
  readonly summary: string;
  readonly pathParams?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  readonly headers?: readonly RouteHeader[];
  /** The status of a successful answer and the schema of its body (`null`: no body). */
  readonly success: { readonly status: number; readonly body: z.ZodMiniType | null };
  /** A second successful answer, to a variant of the request (a dry run), and when it is given. */
  readonly otherSuccess?: { readonly status: number; readonly body: z.ZodMiniType; readonly when: string };
  /** The error codes this route can answer with, besides those every route can. */
  readonly errors: readonly ErrorCode[];
  /** The largest body this route takes, in bytes. @default MAX_BODY_BYTES */
  readonly maxBodyBytes?: number;
}

/** Errors any route can answer with, whatever its input. */
export const COMMON_ERROR_CODES = [
  'unauthorized',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const satisfies readonly ErrorCode[];

/** The `If-Match` header of a conditional change of a `thing` (todo, list, saved filter). */
const ifMatchOf = (thing: string): RouteHeader => ({
  name: 'If-Match',
  description: `The ETag from a previous read: the change is made only if the ${thing} still has that version.`,
});
const IF_MATCH = ifMatchOf('todo');
const LIST_IF_MATCH = ifMatchOf('list');
const FILTER_IF_MATCH = ifMatchOf('saved filter');

const IDEMPOTENCY_KEY: RouteHeader = {
  name: 'Idempotency-Key',
  description:
    'A unique key per intended create (a UUID, say). Sending it again with the same body returns the first answer and creates nothing; with another body it is refused.',
};

/** What a route that reads a JSON body can refuse it for, besides what the route itself checks. */
const BODY_ERRORS = [
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
] as const satisfies readonly ErrorCode[];

/** What a create of one todo can be refused for: its body, its key, its list. */
const CREATE_TODO_ERRORS = [
  'malformed_json',
  'invalid_header',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'idempotency_key_reused',
  'list_not_found',
] as const satisfies readonly ErrorCode[];

/**
 * The route table: every operation of API version 1, one per endpoint and named for it; a route
 * without an endpoint, or an endpoint without a route, fails to compile.
 */
export const routes = {
  createTodo: {
    name: 'createTodo',
    ...endpoints.createTodo,
    summary: 'Create a todo',
    body: TodoCreate,
    headers: [IDEMPOTENCY_KEY],
    success: { status: 201, body: Todo },
    errors: CREATE_TODO_ERRORS,
  },
  listTodos: {
    name: 'listTodos',
    ...endpoints.listTodos,
    summary:
      "List todos, a page at a time: one list's (listId) or every list's the caller can see, in creation order, the list's own (sort=manual), by due day (sort=due: overdue and today first) or by priority (sort=priority)",
    query: TodoListQuery,
    success: { status: 200, body: TodoPage },
    errors: ['invalid_query', 'invalid_cursor', 'list_not_found'],
  },
  getTodo: {
    name: 'getTodo',
    ...endpoints.getTodo,
    summary: 'Get one todo',
    pathParams: TodoPathParams,
    success: { status: 200, body: Todo },
    errors: ['invalid_id', 'not_found'],
  },
  updateTodo: {
    name: 'updateTodo',
    ...endpoints.updateTodo,
    summary: 'Change some fields of a todo',
    pathParams: TodoPathParams,
    body: TodoPatch,
    headers: [IF_MATCH],
    success: { status: 200, body: Todo },
    errors: [
      'invalid_id',
      'invalid_header',
      ...BODY_ERRORS,
      'not_found',
      'list_not_found',
      'precondition_failed',
    ],
  },
  deleteTodo: {
    name: 'deleteTodo',
    ...endpoints.deleteTodo,
    summary: 'Delete a todo',
    pathParams: TodoPathParams,
    headers: [IF_MATCH],
    success: { status: 204, body: null },
    errors: ['invalid_id', 'invalid_header', 'not_found', 'precondition_failed'],
  },
  importTodos: {
    name: 'importTodos',
    ...endpoints.importTodos,
    summary: 'Create many todos at once, each at most once per id: a bulk import that is safe to send again',
    body: TodoImportRequest,
    maxBodyBytes: MAX_IMPORT_BODY_BYTES,
    success: { status: 200, body: TodoImportResponse },
    errors: [...BODY_ERRORS, 'list_not_found'],
  },
  quickAddTodo: {
    name: 'quickAddTodo',
    ...endpoints.quickAddTodo,
    summary:
      "Create a todo from a line of text, read as the SDK's quick add reads it: 'Pay rent dec 24 p1 #home @flat // by transfer'. The answer holds the todo and the parse; the todo keeps the due time and the repeat. An @list that fits none of the caller's lists stays in the title",
    query: QuickAddQuery,
    body: QuickAddRequest,
    headers: [IDEMPOTENCY_KEY],
    success: { status: 201, body: QuickAddCreated },
    otherSuccess: {
      status: 200,
      body: QuickAddPreview,
      when: 'dryRun=true: how the text is read and the createTodo body it would make; nothing is created',
    },
    errors: ['invalid_query', ...CREATE_TODO_ERRORS],
  },
  listLists: {
    name: 'listLists',
    ...endpoints.listLists,
    summary:
      "List the caller's lists and the lists shared with them: the Inbox first, then in the order they were made",
    query: ListsQuery,
    success: { status: 200, body: ListPage },
    errors: ['invalid_query', 'invalid_cursor'],
  },
  createList: {
    name: 'createList',
    ...endpoints.createList,
    summary: 'Make a list',
    body: ListCreate,
    success: { status: 201, body: List },
    errors: [...BODY_ERRORS, 'list_name_taken', 'limit_reached'],
  },
  getList: {
    name: 'getList',
    ...endpoints.getList,
    summary: 'Get one list',
    pathParams: ListPathParams,
    success: { status: 200, body: List },
    errors: ['invalid_id', 'list_not_found'],
  },
  updateList: {
    name: 'updateList',
    ...endpoints.updateList,
    summary: 'Rename a list, or archive it or bring it back (its owner only)',
    pathParams: ListPathParams,
    body: ListPatch,
    headers: [LIST_IF_MATCH],
    success: { status: 200, body: List },
    errors: [
      'invalid_id',
      'invalid_header',
      ...BODY_ERRORS,
      'list_not_found',
      'list_name_taken',
      'inbox_fixed',
      'owner_only',
      'precondition_failed',
    ],
  },
  deleteList: {
    name: 'deleteList',
    ...endpoints.deleteList,
    summary: 'Delete a list (its owner only): with its todos (todos=delete), or once they are moved (moveTo)',
    pathParams: ListPathParams,
    query: ListDeleteQuery,
    success: { status: 204, body: null },
    errors: ['invalid_id', 'invalid_query', 'list_not_found', 'list_not_empty', 'inbox_fixed', 'owner_only'],
  },
  listMembers: {
    name: 'listMembers',
    ...endpoints.listMembers,
    summary: 'Who is on a list: the owner, the members and the invitations',
    pathParams: ListPathParams,
    success: { status: 200, body: MemberPage },
    errors: ['invalid_id', 'list_not_found'],
  },
  addMember: {
    name: 'addMember',
    ...endpoints.addMember,
    summary:
      'Share a list with an e-mail address (its owner only): a member at once if the address has an account, else an invitation until its first sign-in',
    pathParams: ListPathParams,
    body: MemberInvite,
    success: { status: 201, body: Member },
    errors: ['invalid_id', ...BODY_ERRORS, 'list_not_found', 'inbox_fixed', 'owner_only', 'limit_reached'],
  },
  removeMember: {
    name: 'removeMember',
    ...endpoints.removeMember,
    summary:
      'Take someone off a list (its owner), or leave it (a member, with memberId "me" or their own id)',
    pathParams: MemberPathParams,
    success: { status: 204, body: null },
    errors: ['invalid_id', 'list_not_found', 'member_not_found', 'owner_only', 'owner_cannot_leave'],
  },
  listFilters: {
    name: 'listFilters',
    ...endpoints.listFilters,
    summary: `List the caller's saved filters, all of them (at most ${MAX_SAVED_FILTERS}), oldest first`,
    success: { status: 200, body: SavedFilterPage },
    errors: [],
  },
  createFilter: {
    name: 'createFilter',
    ...endpoints.createFilter,
    summary:
      "Save a filter: a name and a query in the filter language ('(today | overdue) & #work'), refused with where the query goes wrong",
    body: SavedFilterCreate,
    success: { status: 201, body: SavedFilter },
    errors: [...BODY_ERRORS, 'limit_reached'],
  },
  getFilter: {
    name: 'getFilter',
    ...endpoints.getFilter,
    summary: 'Get one saved filter',
    pathParams: SavedFilterPathParams,
    success: { status: 200, body: SavedFilter },
    errors: ['invalid_id', 'filter_not_found'],
  },
  updateFilter: {
    name: 'updateFilter',
    ...endpoints.updateFilter,
    summary: 'Rename a saved filter, or change its query',
    pathParams: SavedFilterPathParams,
    body: SavedFilterPatch,
    headers: [FILTER_IF_MATCH],
    success: { status: 200, body: SavedFilter },
    errors: ['invalid_id', 'invalid_header', ...BODY_ERRORS, 'filter_not_found', 'precondition_failed'],
  },
  deleteFilter: {
    name: 'deleteFilter',
    ...endpoints.deleteFilter,
    summary: 'Delete a saved filter',
    pathParams: SavedFilterPathParams,
    headers: [FILTER_IF_MATCH],
    success: { status: 204, body: null },
    errors: ['invalid_id', 'invalid_header', 'filter_not_found', 'precondition_failed'],
  },
  listChanges: {
    name: 'listChanges',
    ...endpoints.listChanges,
    summary:
      'What changed since a cursor, oldest first: every todo and list the caller can see, shared lists included; without since, a cursor for now',
    query: ChangesQuery,
    success: { status: 200, body: ChangePage },
    errors: ['invalid_query', 'invalid_cursor', 'sync_expired'],
  },
  openapi: {
    name: 'openapi',
    ...endpoints.openapi,
    summary: 'This API described as an OpenAPI 3.1 document',
    success: { status: 200, body: OpenApiDocument },
    errors: [],
  },
  health: {
    name: 'health',
    ...endpoints.health,
    summary:
      'Whether this region can serve todos: 200 after a real read of the table, 503 when it cannot read it',
    success: { status: 200, body: Health },
    errors: ['service_unavailable'],
  },
} as const satisfies { readonly [Name in keyof typeof endpoints]: RouteDefinition & { readonly name: Name } };

/** The name of one route of the table. */
export type RouteName = keyof typeof routes;

/** Every route, in the table's order. */
export const routeList: readonly RouteDefinition[] = Object.values(routes);

/** The names of the path's `{param}` placeholders, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}
