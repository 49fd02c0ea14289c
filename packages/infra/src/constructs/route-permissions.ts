import type { RouteName } from '@todolist/sdk/contract';

/** A DynamoDB action a route's function may take on the todo table. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:Query'
  | 'dynamodb:BatchGetItem';

/**
 * Exactly the table actions each route's handler takes, read from packages/handlers: keyed by
 * the route table's names, so a new route without its permissions fails to compile.
 */
export const ROUTE_TABLE_ACTIONS = {
  // store.create (PutItem); with Idempotency-Key, the key's claim is put (GetItem when a live one
  // exists and dynalite returned no old item), the todo put, and the claim marked made (UpdateItem).
  createTodo: ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
  // store.list: Query within the owner's partition.
  listTodos: ['dynamodb:Query'],
  // store.get: a consistent GetItem.
  getTodo: ['dynamodb:GetItem'],
  // store.update: a conditional UpdateItem; on a failed condition without the old item
  // (the todo is absent), a GetItem tells "not found" from "precondition failed".
  updateTodo: ['dynamodb:UpdateItem', 'dynamodb:GetItem'],
  // store.delete: a conditional DeleteItem, then GetItem as for updateTodo.
  deleteTodo: ['dynamodb:DeleteItem', 'dynamodb:GetItem'],
  // importTodos: a Query over the batch's id range (BatchGetItem past a crowded range) finds the
  // ids present; each of the rest is a PutItem conditional on its absence.
  importTodos: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'],
  // The OpenAPI document is generated in memory: no table access at all.
  openapi: [],
  // health: a consistent GetItem of the sentinel key, the read every todo route depends on.
  health: ['dynamodb:GetItem'],
} as const satisfies Record<RouteName, readonly TableAction[]>;

/**
 * The routes whose handlers sign or read list cursors (store.list): only their functions are
 * given the cursor key's secret and may read it.
 */
export const ROUTES_WITH_CURSORS: ReadonlySet<RouteName> = new Set<RouteName>(['listTodos']);
