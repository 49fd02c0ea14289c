import type { RouteName } from '@todolist/sdk/contract';
import type { ProxyHandler } from '../http/define-route.js';

/**
 * Each route's handler module, loaded on demand (its module reads the environment when it
 * loads). Keyed by the route table's names: a route without a handler fails to compile.
 */
export const handlerLoaders: Record<RouteName, () => Promise<{ handler: ProxyHandler }>> = {
  createTodo: () => import('./create-todo.js'),
  listTodos: () => import('./list-todos.js'),
  getTodo: () => import('./get-todo.js'),
  updateTodo: () => import('./update-todo.js'),
  deleteTodo: () => import('./delete-todo.js'),
  importTodos: () => import('./import-todos.js'),
  openapi: () => import('./openapi.js'),
};

/** The source file of each route's handler, relative to `src/`, for the per-route bundles. */
export function handlerEntry(name: RouteName): string {
  return `routes/${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.ts`;
}

/** Loads every route's handler. */
export async function loadHandlers(): Promise<Record<RouteName, ProxyHandler>> {
  const entries = await Promise.all(
    Object.entries(handlerLoaders).map(async ([name, load]) => [name, (await load()).handler] as const),
  );
  return Object.fromEntries(entries) as Record<RouteName, ProxyHandler>;
}
