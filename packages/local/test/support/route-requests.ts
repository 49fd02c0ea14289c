import {
  ListCreate,
  ListPatch,
  MemberInvite,
  QuickAddRequest,
  type RouteDefinition,
  SavedFilterCreate,
  SavedFilterPatch,
  TodoCreate,
  TodoImportRequest,
  TodoPatch,
} from '@todolist/sdk/contract';
import { ulid } from 'ulid';
import type { RawRequest } from './raw-http-client.js';

/**
 * A valid body for each body schema of the route table. A route whose body schema has no example
 * here fails its tests with a message saying so, rather than being skipped.
 */
const EXAMPLE_BODIES = new Map<unknown, unknown>([
  [TodoCreate, { title: 'Hold the route table to its word', tags: ['contract'] }],
  [TodoPatch, { completed: true }],
  // No ids: each call imports new todos, so every call answers the same way.
  [
    TodoImportRequest,
    { items: [{ title: 'Imported by the contract test' }, { title: 'And its sibling', tags: ['bulk'] }] },
  ],
  // A person's list names are unique, and a list is shared with an address once: new each call.
  [ListCreate, () => ({ name: `Contract ${ulid()}` })],
  [ListPatch, { archived: true }],
  [
    QuickAddRequest,
    { text: 'Hold the route table to its word tomorrow p1 #contract', timeZone: 'Europe/Paris' },
  ],
  [MemberInvite, () => ({ email: `${ulid().toLowerCase()}@example.test` })],
  [SavedFilterCreate, { name: 'Work today', query: '(today | overdue) & #work' }],
  [SavedFilterPatch, { query: 'today & #work & !p3' }],
]);

/** The example body of the route's body schema (see {@link EXAMPLE_BODIES}). */
export function exampleBody(route: RouteDefinition): unknown {
  if (!route.body) throw new Error(`${route.name} takes no body`);
  if (!EXAMPLE_BODIES.has(route.body))
    throw new Error(`no example body for ${route.name}: add one to EXAMPLE_BODIES`);
  const example = EXAMPLE_BODIES.get(route.body);
  return typeof example === 'function' ? example() : example;
}

/** The route's path with its `{param}` placeholders filled in, percent-encoded. */
export function routePath(route: Pick<RouteDefinition, 'path'>, params: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
    return encodeURIComponent(value);
  });
}

/** What a test says about one request to a route; the rest comes from the route. */
export interface RouteCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A value sent as JSON with `Content-Type: application/json`, or raw bytes sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The request for a call of a route: its method, its path filled in, the query, headers and body. */
export function routeRequest(route: RouteDefinition, call: RouteCall = {}): RawRequest {
  const query = new URLSearchParams(call.query).toString();
  const raw = call.body instanceof Uint8Array ? call.body : undefined;
  const body = raw ?? (call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body)));
  return {
    method: route.method,
    target: `${routePath(route, call.params)}${query ? `?${query}` : ''}`,
    headers: { ...(body && !raw ? { 'Content-Type': 'application/json' } : {}), ...call.headers },
    ...(body ? { body } : {}),
  };
}
