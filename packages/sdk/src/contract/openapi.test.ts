import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-codes.js';
import { generateOpenApiDocument } from './openapi.js';
import { OpenApiDocument } from './openapi-document.js';
import { routeList } from './routes.js';

describe('the OpenAPI document', () => {
  const document = generateOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { operationId: string; responses: Record<string, unknown> }>).map(
      ([method, operation]) => ({ path, method: method.toUpperCase(), operation }),
    ),
  );

  it('is an OpenAPI 3.1 document', () => {
    expect(OpenApiDocument.safeParse(document).success).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents every route of the table, and nothing else', () => {
    const documented = operations.map(
      ({ path, method, operation }) => `${operation.operationId} ${method} ${path}`,
    );
    const table = routeList.map((route) => `${route.name} ${route.method} ${route.path}`);
    expect(documented.sort()).toEqual(table.sort());
  });

  it("declares each route's success status and the status of every error code it can answer", () => {
    for (const route of routeList) {
      const { operation } = operations.find((o) => o.operation.operationId === route.name) ?? {};
      expect(Object.keys(operation?.responses ?? {})).toContain(String(route.success.status));
      if (route.otherSuccess)
        expect(Object.keys(operation?.responses ?? {})).toContain(String(route.otherSuccess.status));
      for (const code of route.errors) {
        expect(Object.keys(operation?.responses ?? {})).toContain(String(ERROR_CODES[code].status));
      }
    }
  });

  it('points every $ref at a schema it defines', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    for (const ref of new Set(refs)) expect(schemas).toHaveProperty(ref as string);
  });
});

describe('the security the document declares', () => {
  const document = generateOpenApiDocument();
  const operations = Object.values(document.paths).flatMap((path) => Object.values(path as object)) as {
    operationId: string;
    security: unknown;
  }[];

  it('has every todo, list and saved filter operation need a bearer token with its scope, and leaves only the document itself and the health check public', () => {
    const byName = Object.fromEntries(operations.map((op) => [op.operationId, op.security]));
    expect(byName).toEqual({
      createTodo: [{ bearer: ['todolist/todos.write'] }],
      listTodos: [{ bearer: ['todolist/todos.read'] }],
      getTodo: [{ bearer: ['todolist/todos.read'] }],
      updateTodo: [{ bearer: ['todolist/todos.write'] }],
      deleteTodo: [{ bearer: ['todolist/todos.write'] }],
      importTodos: [{ bearer: ['todolist/todos.write'] }],
      quickAddTodo: [{ bearer: ['todolist/todos.write'] }],
      listLists: [{ bearer: ['todolist/todos.read'] }],
      createList: [{ bearer: ['todolist/todos.write'] }],
      getList: [{ bearer: ['todolist/todos.read'] }],
      updateList: [{ bearer: ['todolist/todos.write'] }],
      deleteList: [{ bearer: ['todolist/todos.write'] }],
      listMembers: [{ bearer: ['todolist/todos.read'] }],
      addMember: [{ bearer: ['todolist/todos.write'] }],
      removeMember: [{ bearer: ['todolist/todos.write'] }],
      listFilters: [{ bearer: ['todolist/todos.read'] }],
      createFilter: [{ bearer: ['todolist/todos.write'] }],
      getFilter: [{ bearer: ['todolist/todos.read'] }],
      updateFilter: [{ bearer: ['todolist/todos.write'] }],
      deleteFilter: [{ bearer: ['todolist/todos.write'] }],
      listChanges: [{ bearer: ['todolist/todos.read'] }],
      openapi: [],
      health: [],
    });
    expect((document.components as { securitySchemes: unknown }).securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    });
  });
});
