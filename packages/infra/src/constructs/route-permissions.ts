import type { TODO_INDEXES } from '@todolist/handlers';
import type { RouteName } from '@todolist/sdk/contract';

/** A DynamoDB action a route's function may take on the todo table. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:Query'
  | 'dynamodb:BatchGetItem';

/** One of the table's local secondary indexes (the handlers' `TODO_INDEXES`), by name. */
export type IndexName = (typeof TODO_INDEXES)[keyof typeof TODO_INDEXES]['name'];

/**
 * Exactly the table actions each route's handler takes, read from packages/handlers: keyed by
 * the route table's names, so a new route without its permissions fails to compile.
 * test/permissions-in-use.test.ts drives every route through its code paths and holds this to
 * the calls it sees.
 */
export const ROUTE_TABLE_ACTIONS = {
  // Resolving the list (Inbox: nothing; else BatchGetItem of the list and the caller's reference
  // to it), then store.create (PutItem; the position comes from the time, nothing is read); with
  // Idempotency-Key, the key's claim is put (GetItem when a live one exists and dynalite
  // returned no old item), the todo put, and the claim marked made (UpdateItem).
  createTodo: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
  // As createTodo, after finding the list an @name means: a Query of the caller's lists and
  // references to shared ones, and the BatchGetItem that checks those; a dry run resolves the
  // list (BatchGetItem) and writes nothing.
  quickAddTodo: [
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:PutItem',
    'dynamodb:GetItem',
    'dynamodb:UpdateItem',
  ],
  // store.list: one list's range of byList or byPosition, or its partition's byDue or
  // byPriority (Query), after resolving it
  // (BatchGetItem); every list, a merge of the caller's partition and each shared list's
  // range, found by a Query of the caller's lists and references and a BatchGetItem of them;
  // GetItem only for a todo a stopped move left marked.
  listTodos: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:GetItem'],
  // store.get: a consistent GetItem in the caller's partition; a todo of a shared list is
  // found by a Query of the caller's references and BatchGetItem of the lists and the todo.
  getTodo: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  // store.update: a conditional UpdateItem; on a failed condition without the old item
  // (the todo is absent), a GetItem tells "not found" from "precondition failed". A move
  // resolves the target list (BatchGetItem) and its neighbours' positions (Query of
  // byPosition, GetItem of the anchor); a move to another partition marks the original
  // (UpdateItem), puts the copy (PutItem) and turns the original into its tombstone (UpdateItem).
  updateTodo: [
    'dynamodb:UpdateItem',
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:PutItem',
  ],
  // store.delete: the todo becomes its tombstone, a conditional UpdateItem, then GetItem as for
  // updateTodo; a todo of a shared list is located as getTodo does.
  deleteTodo: ['dynamodb:UpdateItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  // importTodos: each list resolved (BatchGetItem); a Query over the batch's id range (BatchGetItem past a crowded range) finds the
  // ids present; each of the rest is a PutItem conditional on its absence.
  importTodos: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'],
  // lists.list: a Query of the caller's own lists and of their references, a BatchGetItem of
  // the shared lists and member items, and each listed list's open count (Query of byList).
  listLists: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
  // lists.create: a Query counts the caller's lists; the name's claim is read (GetItem, and the
  // list holding a stale claim) and put (PutItem), then the list put (PutItem).
  createList: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem'],
  // lists.get: resolving the list (BatchGetItem), its open count (Query of byList) and, for
  // its owner, how many people are on it (Query).
  getList: ['dynamodb:BatchGetItem', 'dynamodb:Query'],
  // lists.update: resolved as getList; a new name's claim read and put (GetItem, PutItem) and
  // the old one released (DeleteItem); the list's conditional UpdateItem.
  updateList: [
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  ],
  // lists.delete: resolved (BatchGetItem), marked deleting (UpdateItem); its todos read a page at
  // a time (Query of byList) and each deleted (DeleteItem) or moved to the end of the other list
  // (Query of byPosition, UpdateItem); its people deleted with their references (Query,
  // DeleteItem); then the list and its name's claim (DeleteItem).
  deleteList: ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  // members.list: resolving the list (BatchGetItem), its people (Query), the owner's address (GetItem).
  listMembers: ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:GetItem'],
  // members.add: resolving the list (BatchGetItem), the address's account (GetItem), the list's
  // people (Query); a member (the other person's shared lists counted by a Query) or an
  // invitation, each two conditional PutItems.
  addMember: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
  // members.remove: resolving the list (BatchGetItem), its people (Query), then the member's
  // reference made a tombstone (UpdateItem), the member item (or the invitation and its
  // address's copy) deleted (DeleteItem), and the list stamped as changed (UpdateItem).
  removeMember: ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  // filters.list: one Query of the caller's FILTER# range.
  listFilters: ['dynamodb:Query'],
  // filters.create: a COUNT Query of that range against MAX_SAVED_FILTERS, then the PutItem.
  createFilter: ['dynamodb:Query', 'dynamodb:PutItem'],
  // filters.get: a consistent GetItem.
  getFilter: ['dynamodb:GetItem'],
  // filters.update: a conditional UpdateItem; when its If-Match fails without the old item
  // (dynalite never returns one; DynamoDB none for an absent filter), a GetItem tells 404 from 412.
  updateFilter: ['dynamodb:UpdateItem', 'dynamodb:GetItem'],
  // filters.delete: a conditional DeleteItem, then GetItem as for updateFilter.
  deleteFilter: ['dynamodb:DeleteItem', 'dynamodb:GetItem'],
  // changes.since: the caller's references and the shared lists checked (Query, BatchGetItem),
  // one Query of byChange per partition read, the own lists a page shows (BatchGetItem) and
  // whether anyone is on each (Query).
  listChanges: ['dynamodb:Query', 'dynamodb:BatchGetItem'],
  // The OpenAPI document is generated in memory: no table access at all.
  openapi: [],
  // health: a consistent GetItem of the sentinel key, the read every todo route depends on.
  health: ['dynamodb:GetItem'],
} as const satisfies Record<RouteName, readonly TableAction[]>;

/**
 * The indexes each route queries: its function may Query these (by their ARNs) and no other.
 * Held to the `IndexName`s of the calls test/permissions-in-use.test.ts sees.
 */
export const ROUTE_INDEXES = {
  createTodo: [],
  listTodos: ['byList', 'byPosition', 'byDue', 'byPriority'],
  getTodo: [],
  updateTodo: ['byPosition'],
  deleteTodo: [],
  importTodos: [],
  quickAddTodo: [],
  listLists: ['byList'],
  createList: [],
  getList: ['byList'],
  updateList: ['byList'],
  deleteList: ['byList', 'byPosition'],
  listMembers: [],
  addMember: [],
  removeMember: [],
  listFilters: [],
  createFilter: [],
  getFilter: [],
  updateFilter: [],
  deleteFilter: [],
  listChanges: ['byChange'],
  openapi: [],
  health: [],
} as const satisfies Record<RouteName, readonly IndexName[]>;

/**
 * The routes whose handlers sign or read cursors (store.list, lists.list): only their functions
 * are given the cursor key's secret and may read it.
 */
export const ROUTES_WITH_CURSORS: ReadonlySet<RouteName> = new Set<RouteName>(['listTodos', 'listLists']);
