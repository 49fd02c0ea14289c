// Where each route is: its method and path, all a client needs to address it. The route table
// (routes.ts) spreads these into its routes and adds the rest (the schemas, summaries, header
// docs, error codes, body limits), which the server, the CDK app and the OpenAPI document read.
// A client takes the schemas it checks by name (`TodoCreate`, `Todo`), so a bundle of the client
// carries neither the route table's docs nor the schemas of routes it never calls. Plain data
// that imports nothing: a copy in a bundle (the CommonJS index) costs a few strings.

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Where one route is. */
export interface Endpoint {
  readonly method: HttpMethod;
  /** The path under the API's root, with `{param}` placeholders as API Gateway writes them. */
  readonly path: string;
}

export const createTodo = { method: 'POST', path: '/v1/todos' } as const satisfies Endpoint;
export const listTodos = { method: 'GET', path: '/v1/todos' } as const satisfies Endpoint;
export const getTodo = { method: 'GET', path: '/v1/todos/{id}' } as const satisfies Endpoint;
export const updateTodo = { method: 'PATCH', path: '/v1/todos/{id}' } as const satisfies Endpoint;
export const deleteTodo = { method: 'DELETE', path: '/v1/todos/{id}' } as const satisfies Endpoint;
export const importTodos = { method: 'POST', path: '/v1/todos/batch' } as const satisfies Endpoint;
export const quickAddTodo = { method: 'POST', path: '/v1/todos/quick' } as const satisfies Endpoint;
export const listLists = { method: 'GET', path: '/v1/lists' } as const satisfies Endpoint;
export const createList = { method: 'POST', path: '/v1/lists' } as const satisfies Endpoint;
export const getList = { method: 'GET', path: '/v1/lists/{listId}' } as const satisfies Endpoint;
export const updateList = { method: 'PATCH', path: '/v1/lists/{listId}' } as const satisfies Endpoint;
export const deleteList = { method: 'DELETE', path: '/v1/lists/{listId}' } as const satisfies Endpoint;
export const listMembers = { method: 'GET', path: '/v1/lists/{listId}/members' } as const satisfies Endpoint;
export const addMember = { method: 'POST', path: '/v1/lists/{listId}/members' } as const satisfies Endpoint;
export const removeMember = {
  method: 'DELETE',
  path: '/v1/lists/{listId}/members/{memberId}',
} as const satisfies Endpoint;
export const listFilters = { method: 'GET', path: '/v1/filters' } as const satisfies Endpoint;
export const createFilter = { method: 'POST', path: '/v1/filters' } as const satisfies Endpoint;
export const getFilter = { method: 'GET', path: '/v1/filters/{filterId}' } as const satisfies Endpoint;
export const updateFilter = { method: 'PATCH', path: '/v1/filters/{filterId}' } as const satisfies Endpoint;
export const deleteFilter = { method: 'DELETE', path: '/v1/filters/{filterId}' } as const satisfies Endpoint;
export const listChanges = { method: 'GET', path: '/v1/changes' } as const satisfies Endpoint;
export const openapi = { method: 'GET', path: '/v1/openapi.json' } as const satisfies Endpoint;
export const health = { method: 'GET', path: '/v1/health' } as const satisfies Endpoint;
