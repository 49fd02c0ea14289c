import { randomUUID } from 'node:crypto';
import {
  COMMON_ERROR_CODES,
  FieldError,
  generateOpenApiDocument,
  MAX_BODY_BYTES,
  pathParamNames,
  type RouteDefinition,
  routeList,
  routes,
  Todo,
} from '@todolist/sdk/contract';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { type LocalStack, startLocalStack } from '../src/local-stack.js';
import { readProblem } from './support/problem-details.js';
import { createRawHttpClient, type RawHttpClient, type RawResponse } from './support/raw-http-client.js';
import { exampleBody, type RouteCall, routePath, routeRequest } from './support/route-requests.js';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let stack: LocalStack;
let client: RawHttpClient;
/** Every error code each route answered in this file, checked against what it declares. */
const answered = new Map<string, Set<string>>(routeList.map((route) => [route.name, new Set()]));

beforeAll(async () => {
  stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  const { accessToken } = await signInLocally(stack.url, 'contract@example.test');
  client = createRawHttpClient(stack.url, { authorization: `Bearer ${accessToken}` });
});

afterAll(async () => {
  client?.close();
  await stack?.close();
});

/** Calls a route through the gateway, noting the error code of a refusal against the route. */
async function call(route: RouteDefinition, request: RouteCall = {}): Promise<RawResponse> {
  const response = await client.send(routeRequest(route, request));
  if (response.status >= 400) answered.get(route.name)?.add(readProblem(response).code);
  return response;
}

const bodyOf = (response: RawResponse): unknown => JSON.parse(response.body.toString('utf8'));

/** A todo that exists now, created through the gateway. */
async function existingTodo(): Promise<Todo> {
  const response = await call(routes.createTodo, { body: { title: 'Exists for the contract test' } });
  expect(response.status).toBe(routes.createTodo.success.status);
  return Todo.parse(bodyOf(response));
}

/** A list of the caller's that exists now, with an invitation on it. */
async function existingList(): Promise<{ listId: string; memberId: string }> {
  const made = await call(routes.createList, { body: exampleBody(routes.createList) });
  expect(made.status).toBe(routes.createList.success.status);
  const listId = (bodyOf(made) as { id: string }).id;
  const invited = await call(routes.addMember, { params: { listId }, body: exampleBody(routes.addMember) });
  expect(invited.status).toBe(routes.addMember.success.status);
  return { listId, memberId: (bodyOf(invited) as { id: string }).id };
}

/** A saved filter of the caller's that exists now, created through the gateway. */
async function existingFilter(): Promise<{ filterId: string }> {
  const made = await call(routes.createFilter, { body: exampleBody(routes.createFilter) });
  expect(made.status).toBe(routes.createFilter.success.status);
  return { filterId: (bodyOf(made) as { id: string }).id };
}

/** Fresh things for the route's path parameters: a todo's id, a list's id, a member's id, a saved filter's id. */
async function validParams(route: RouteDefinition): Promise<Record<string, string>> {
  const names = pathParamNames(route.path);
  return {
    ...(names.includes('id') ? { id: (await existingTodo()).id } : {}),
    ...(names.includes('listId') ? await existingList() : {}),
    ...(names.includes('filterId') ? await existingFilter() : {}),
  };
}

/** For each path parameter, an id nobody has and the code of its 404. */
const UNKNOWN: Record<string, () => { value: string; code: string }> = {
  id: () => ({ value: ulid(), code: 'not_found' }),
  listId: () => ({ value: ulid(), code: 'list_not_found' }),
  memberId: () => ({ value: randomUUID(), code: 'member_not_found' }),
  filterId: () => ({ value: ulid(), code: 'filter_not_found' }),
};

/** The call that succeeds on the route: fresh things for path parameters, the example body. */
async function validCall(route: RouteDefinition): Promise<RouteCall> {
  return {
    ...(route.pathParams ? { params: await validParams(route) } : {}),
    ...(route.body ? { body: exampleBody(route) } : {}),
  };
}

/** Asserts the answer is the problem with this status and code, and returns the problem. */
function expectProblem(response: RawResponse, status: number, code: string) {
  const problem = readProblem(response);
  expect({ status: response.status, code: problem.code }).toEqual({ status, code });
  return problem;
}

const reads = (route: RouteDefinition, header: string) =>
  (route.headers ?? []).some((h) => h.name === header);

describe.each(routeList)('route $name ($method $path)', (route) => {
  it(`is served by the gateway with ${route.success.status} and its declared body`, async () => {
    const response = await call(route, await validCall(route));
    expect(response.status, response.body.toString('utf8').slice(0, 300)).toBe(route.success.status);
    if (route.success.body === null) {
      expect(response.body.length).toBe(0);
    } else {
      expect(response.headers['content-type']).toMatch(/^application\/json\b/);
      expect(route.success.body.safeParse(bodyOf(response)).success).toBe(true);
    }
  });

  if (route.body) {
    it('refuses an invalid body with 422 validation_failed and the field errors', async () => {
      const { params } = await validCall(route);
      const response = await call(route, { ...(params ? { params } : {}), body: { colour: 'red' } });
      const problem = expectProblem(response, 422, 'validation_failed');
      expect(problem.errors?.length).toBeGreaterThan(0);
      for (const error of problem.errors ?? []) expect(FieldError.safeParse(error).success).toBe(true);
      expect(problem.errors).toContainEqual(expect.objectContaining({ path: 'colour' }));
    });

    it('refuses a body that is not JSON (400), not sent as JSON (415) or too large (413)', async () => {
      const { params, body } = await validCall(route);
      const raw = (text: string, contentType = 'application/json') => ({
        ...(params ? { params } : {}),
        body: Buffer.from(text),
        headers: { 'Content-Type': contentType },
      });
      expectProblem(await call(route, raw('{"title":')), 400, 'malformed_json');
      expectProblem(
        await call(route, raw(JSON.stringify(body), 'text/plain')),
        415,
        'unsupported_media_type',
      );
      const padded = JSON.stringify(body).padEnd((route.maxBodyBytes ?? MAX_BODY_BYTES) + 1, ' ');
      expectProblem(await call(route, raw(padded)), 413, 'payload_too_large');
    });
  }

  if (route.query) {
    it('refuses an unknown query parameter with 400 invalid_query', async () => {
      const response = await call(route, { ...(await validCall(route)), query: { colour: 'red' } });
      expectProblem(response, 400, 'invalid_query');
    });
  }

  if (route.pathParams) {
    it('refuses a bad id with 400 invalid_id', async () => {
      const { body } = await validCall(route);
      const params = Object.fromEntries(pathParamNames(route.path).map((name) => [name, 'not-a-valid-id']));
      const response = await call(route, { params, ...(body ? { body } : {}) });
      expectProblem(response, 400, 'invalid_id');
    });

    // The last parameter is the one unknown: a real list with no such member, say.
    const unknown = pathParamNames(route.path).at(-1) as string;
    it(`answers 404 for a ${unknown} nobody has`, async () => {
      const { body, params } = await validCall(route);
      const missing = (UNKNOWN[unknown] as () => { value: string; code: string })();
      expectProblem(
        await call(route, { params: { ...params, [unknown]: missing.value }, ...(body ? { body } : {}) }),
        404,
        missing.code,
      );
    });
  }

  if (reads(route, 'If-Match')) {
    it('refuses a malformed If-Match with 400 invalid_header and a stale one with 412 precondition_failed', async () => {
      const valid = await validCall(route);
      expectProblem(await call(route, { ...valid, headers: { 'If-Match': '"abc"' } }), 400, 'invalid_header');
      expectProblem(
        await call(route, { ...valid, headers: { 'If-Match': '"2"' } }),
        412,
        'precondition_failed',
      );
    });
  }

  if (reads(route, 'Idempotency-Key')) {
    it('refuses a malformed Idempotency-Key with 400 invalid_header', async () => {
      const response = await call(route, {
        ...(await validCall(route)),
        headers: { 'Idempotency-Key': 'has spaces' },
      });
      expectProblem(response, 400, 'invalid_header');
    });
  }

  it('answered only error codes it declares', () => {
    const declared: readonly string[] = [...route.errors, ...COMMON_ERROR_CODES];
    const undeclared = [...(answered.get(route.name) ?? [])].filter((code) => !declared.includes(code));
    expect(undeclared, `${route.name} answered codes it does not declare`).toEqual([]);
  });
});

describe('the OpenAPI document served at GET /v1/openapi.json', () => {
  const served = async () => bodyOf(await call(routes.openapi)) as ReturnType<typeof generateOpenApiDocument>;

  it('equals generateOpenApiDocument() in its paths, operations and schemas', async () => {
    const generated = JSON.parse(JSON.stringify(generateOpenApiDocument()));
    const document = await served();
    expect(document.paths).toStrictEqual(generated.paths);
    expect(document.components).toStrictEqual(generated.components);
  });

  it('documents exactly the routes of the table, each with its success status', async () => {
    const { paths } = await served();
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => OPENAPI_METHODS.includes(method))
        .map(([method, operation]) => {
          const { operationId, responses } = operation as {
            operationId: string;
            responses: Record<string, unknown>;
          };
          return { name: operationId, method: method.toUpperCase(), path, statuses: Object.keys(responses) };
        }),
    );
    const table = routeList.map(({ name, method, path }) => ({ name, method, path }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(documented.map(({ statuses: _, ...operation }) => operation).sort(byName)).toEqual(
      table.sort(byName),
    );
    for (const route of routeList) {
      expect(documented.find((operation) => operation.name === route.name)?.statuses).toContain(
        String(route.success.status),
      );
    }
  });
});

describe('paths and methods outside the table', () => {
  const id = ulid();
  const paths = [...new Set(routeList.map((route) => route.path))];
  // The most literal path owns a request, as in API Gateway: `/v1/todos/batch` is importTodos's
  // alone, never a (malformed) id for the routes on `/v1/todos/{id}`.
  const wrongMethods = paths.flatMap((path) => {
    const allowed = [
      ...new Set(routeList.filter((route) => route.path === path).map((route) => route.method)),
    ];
    return HTTP_METHODS.filter((method) => !(allowed as readonly string[]).includes(method)).map(
      (method) => ({
        method,
        path,
        allowed,
      }),
    );
  });

  it.each(wrongMethods)(
    '$method $path answers 405 method_not_allowed with Allow: the table’s methods',
    async ({ method, path, allowed }) => {
      const response = await client.send({
        method,
        target: routePath({ path }, { id, listId: id, memberId: randomUUID(), filterId: id }),
      });
      expectProblem(response, 405, 'method_not_allowed');
      expect(response.headers.allow?.split(/,\s*/).sort()).toEqual([...allowed].sort());
    },
  );

  const todos = routePath(routes.listTodos);
  const unknownPaths = [
    '/v1/todo',
    '/v1',
    '/v1/',
    `${todos}/`,
    `${routePath(routes.getTodo, { id })}/done`,
    '/v1/openapi',
  ];
  it.each(unknownPaths)('GET %s answers 404 route_not_found', async (target) => {
    expectProblem(await client.send({ method: 'GET', target }), 404, 'route_not_found');
  });
});
