import * as z from 'zod/mini';
import { requiredScope, TODO_SCOPES } from './access.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import { TodoImportResponse } from './import.js';
import { TodoImportRequest } from './import-request.js';
import { TodoPage } from './list.js';
import { PROBLEM_MEDIA_TYPE, Problem } from './problem.js';
import { QuickAddCreated, QuickAddPreview, QuickAddRequest } from './quick-todo.js';
import { COMMON_ERROR_CODES, type RouteDefinition, routeList } from './routes.js';
import { Todo, TodoCreate, TodoPatch } from './todo.js';

type JsonSchema = Record<string, unknown>;

/** Schemas published under `components.schemas`, referenced by name instead of repeated. */
const NAMED_SCHEMAS = new Map<z.ZodMiniType, { name: string; io: 'input' | 'output' }>([
  [Todo, { name: 'Todo', io: 'output' }],
  [TodoCreate, { name: 'TodoCreate', io: 'input' }],
  [TodoPatch, { name: 'TodoPatch', io: 'input' }],
  [TodoPage, { name: 'TodoPage', io: 'output' }],
  [Problem, { name: 'Problem', io: 'output' }],
  [TodoImportRequest, { name: 'TodoImportRequest', io: 'input' }],
  [TodoImportResponse, { name: 'TodoImportResponse', io: 'output' }],
  [QuickAddRequest, { name: 'QuickAddRequest', io: 'input' }],
  [QuickAddCreated, { name: 'QuickAddCreated', io: 'output' }],
  [QuickAddPreview, { name: 'QuickAddPreview', io: 'output' }],
]);

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
  }) as JsonSchema;
  return rest;
}

function schemaOrRef(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const named = NAMED_SCHEMAS.get(schema);
  return named ? { $ref: `#/components/schemas/${named.name}` } : jsonSchema(schema, io);
}

function parameters(route: RouteDefinition): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodMiniType | undefined) => {
    if (!schema) return;
    const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: where, required: where === 'path' || required.includes(name), schema: property });
    }
  };
  add('path', route.pathParams);
  add('query', route.query);
  for (const header of route.headers ?? []) {
    list.push({
      name: header.name,
      in: 'header',
      required: false,
      description: header.description,
      schema: { type: 'string' },
    });
  }
  return list;
}

function errorResponses(route: RouteDefinition): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...route.errors, ...COMMON_ERROR_CODES]) {
    const { status } = ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${ERROR_CODES[code].title}`).join('; '),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return responses;
}

/** The security scheme every todo route uses: see {@link requiredScope}. */
const BEARER_SCHEME: JsonSchema = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: `An access token of the user pool (Cognito's, or the local gateway's sign-in) holding the route's scope: ${TODO_SCOPES.read} to read, ${TODO_SCOPES.write} to change. Without one, or with an expired or foreign one, the answer is 401 unauthorized.`,
};

function scopeOf(route: RouteDefinition): JsonSchema[] {
  const scope = requiredScope(route);
  return scope === null ? [] : [{ bearer: [scope] }];
}

function operation(route: RouteDefinition): JsonSchema {
  const { status, body } = route.success;
  const success: JsonSchema = { description: route.summary };
  if (body) success.content = { 'application/json': { schema: schemaOrRef(body, 'output') } };
  const other = route.otherSuccess;
  const otherSuccess: Record<string, JsonSchema> = other
    ? {
        [String(other.status)]: {
          description: other.when,
          content: { 'application/json': { schema: schemaOrRef(other.body, 'output') } },
        },
      }
    : {};
  const op: JsonSchema = {
    operationId: route.name,
    summary: route.summary,
    parameters: parameters(route),
    responses: { [String(status)]: success, ...otherSuccess, ...errorResponses(route) },
    // A public route says so with an empty list; the others need a token holding their scope.
    security: scopeOf(route),
  };
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: schemaOrRef(route.body, 'input') } },
    };
  }
  return op;
}

/** Options of {@link generateOpenApiDocument}. */
export interface OpenApiOptions {
  /** The server's base URL, without `/v1`. @default none: the document lists no servers */
  serverUrl?: string;
  /** The API's version string. @default '1.0.0' */
  version?: string;
}

/**
 * The OpenAPI 3.1 document of the API, generated from the route table and the contract's schemas.
 *
 * @example
 * ```ts
 * const document = generateOpenApiDocument({ serverUrl: 'http://localhost:3000' });
 * console.log(Object.keys(document.paths)); // ['/v1/todos', '/v1/todos/{id}', '/v1/openapi.json']
 * ```
 */
export function generateOpenApiDocument(
  options: OpenApiOptions = {},
): JsonSchema & { paths: Record<string, JsonSchema> } {
  const paths: Record<string, JsonSchema> = {};
  for (const route of routeList) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const [schema, { name, io }] of NAMED_SCHEMAS) schemas[name] = jsonSchema(schema, io);
  return {
    openapi: '3.1.0',
    info: {
      title: 'todolist API',
      version: options.version ?? '1.0.0',
      description:
        'A to-do service. Errors are RFC 9457 problem details (application/problem+json) with a stable `code`.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: { schemas, securitySchemes: { bearer: BEARER_SCHEME } },
  };
}
