import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  isAbortedError,
  isConflictError,
  isForbiddenError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isRateLimitedError,
  isResponseValidationError,
  isServerError,
  isTimeoutError,
  isTodoSdkError,
  isUnauthorizedError,
  isValidationError,
  type ListQuery,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  ResponseValidationError,
  ServerError,
  TodoSdkError,
  UnauthorizedError,
  ValidationError,
} from '../src/index.js';
import { aTodo, gatewayAnswer, partialAnswer, problemAnswer, TODO_ID } from './support/api-answers.js';
import { MOCK_BASE_URL, useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// Answers the SDK must not trust: bodies that are not JSON or break the contract, and every
// error status, each mapped to the error class a caller handles it by. Retries are off, so each
// answer is seen once.

const api = useMockApi();
const TODOS = `${MOCK_BASE_URL}/v1/todos`;
const ONE_TODO = `${MOCK_BASE_URL}/v1/todos/:id`;
const TODO_PATH = `/v1/todos/${TODO_ID}`;
const client = () => quickClient({ retry: false });

const guards = {
  isAbortedError,
  isConflictError,
  isForbiddenError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isRateLimitedError,
  isResponseValidationError,
  isServerError,
  isTimeoutError,
  isUnauthorizedError,
  isValidationError,
};

describe('an answer that breaks the contract', () => {
  it('a 200 that is not JSON is a ResponseValidationError naming the method and path', async () => {
    api.server.use(http.get(ONE_TODO, () => HttpResponse.html('<html>Welcome to nginx</html>')));

    const error = await client()
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({
      status: 200,
      code: 'response_invalid',
      method: 'GET',
      path: TODO_PATH,
      issues: [],
    });
    expect((error as Error).message).toContain(`GET ${TODO_PATH}`);
    expect((error as Error).message).toContain('not JSON');
    expect((error as Error).message).toContain('text/html');
  });

  it('an empty 200 is a ResponseValidationError too', async () => {
    api.server.use(http.get(TODOS, () => new HttpResponse(null, { status: 200 })));

    const error = await client()
      .todos.list()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('GET /v1/todos');
  });

  it('a todo missing fields is a ResponseValidationError listing each missing field', async () => {
    const { title: _title, version: _version, ...partial } = aTodo();
    api.server.use(http.get(ONE_TODO, () => HttpResponse.json(partial)));

    const error = await client()
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseValidationError);
    const { issues, message } = error as ResponseValidationError;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'title is required' },
        { path: 'version', message: 'version is required' },
      ]),
    );
    expect(message).toContain(`GET ${TODO_PATH}`);
    expect(message).toContain('title is required');
  });

  it('a todo with fields of the wrong type is a ResponseValidationError naming the fields', async () => {
    api.server.use(
      http.post(TODOS, () =>
        HttpResponse.json({ ...aTodo(), completed: 'yes', version: '1' }, { status: 201 }),
      ),
    );

    const error = await client()
      .todos.create({ title: 'Buy milk' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 201, method: 'POST', path: '/v1/todos' });
    expect((error as ResponseValidationError).issues.map((issue) => issue.path).sort()).toEqual([
      'completed',
      'version',
    ]);
  });

  it('a page whose items break the contract is a ResponseValidationError with the item’s path', async () => {
    api.server.use(
      http.get(TODOS, () =>
        HttpResponse.json({ items: [aTodo(), { ...aTodo(), id: 42 }], nextCursor: null }),
      ),
    );

    const error = await client()
      .todos.list()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toEqual(['items.1.id']);
  });

  it('cut off midway is a NetworkError, not a ResponseValidationError', async () => {
    api.server.use(http.get(ONE_TODO, () => partialAnswer({ cutOffAfterMs: 20 })));

    const error = await client()
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'network_error', method: 'GET', path: TODO_PATH });
    expect((error as Error).message).toContain('cut off');
  });

  it('with validate: "off", the body is handed back unchecked', async () => {
    const odd = { id: TODO_ID, title: 7, extra: ['kept'] };
    api.server.use(http.get(ONE_TODO, () => HttpResponse.json(odd)));

    const todo = await quickClient({ retry: false, validate: 'off' }).todos.get(TODO_ID);

    expect(todo).toEqual(odd);
  });

  it('with validate: "off", a body that is not JSON is still refused', async () => {
    api.server.use(http.get(ONE_TODO, () => HttpResponse.text('OK')));

    const error = await quickClient({ retry: false, validate: 'off' })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});

describe('an error answer', () => {
  const REQUEST_ID = 'req-7f3a';
  const withId = { requestId: REQUEST_ID };
  const gatewayId = { 'x-amzn-RequestId': REQUEST_ID };
  it.each([
    {
      status: 400,
      kind: ValidationError,
      code: 'malformed_json',
      answer: () => problemAnswer('malformed_json', withId),
    },
    {
      status: 401,
      kind: UnauthorizedError,
      code: 'unauthorized',
      answer: () => problemAnswer('unauthorized', withId),
    },
    { status: 403, kind: UnauthorizedError, code: 'http_403', answer: () => gatewayAnswer(403, gatewayId) },
    {
      status: 403,
      kind: ForbiddenError,
      code: 'owner_only',
      answer: () => problemAnswer('owner_only', withId),
    },
    { status: 404, kind: NotFoundError, code: 'not_found', answer: () => problemAnswer('not_found', withId) },
    {
      status: 409,
      kind: ConflictError,
      code: 'idempotency_in_progress',
      answer: () => problemAnswer('idempotency_in_progress', withId),
    },
    {
      status: 412,
      kind: PreconditionFailedError,
      code: 'precondition_failed',
      answer: () => problemAnswer('precondition_failed', withId),
    },
    {
      status: 413,
      kind: ValidationError,
      code: 'payload_too_large',
      answer: () => problemAnswer('payload_too_large', withId),
    },
    {
      status: 415,
      kind: ValidationError,
      code: 'unsupported_media_type',
      answer: () => problemAnswer('unsupported_media_type', withId),
    },
    {
      status: 422,
      kind: ValidationError,
      code: 'validation_failed',
      answer: () => problemAnswer('validation_failed', withId),
    },
    {
      status: 429,
      kind: RateLimitedError,
      code: 'rate_limited',
      answer: () => problemAnswer('rate_limited', withId),
    },
    {
      status: 500,
      kind: ServerError,
      code: 'internal_error',
      answer: () => problemAnswer('internal_error', withId),
    },
    { status: 502, kind: ServerError, code: 'http_502', answer: () => gatewayAnswer(502, gatewayId) },
    {
      status: 503,
      kind: ServerError,
      code: 'service_unavailable',
      answer: () => problemAnswer('service_unavailable', withId),
    },
  ])(
    '$status ($code) is a $kind.name that says what failed, and only its guard agrees',
    async ({ status, kind, code, answer }) => {
      api.server.use(http.patch(ONE_TODO, answer));

      const error = await client()
        .todos.update(TODO_ID, { title: 'Buy oat milk' }, { ifMatch: 3 })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(kind);
      expect(error).toBeInstanceOf(TodoSdkError);
      expect(error).toMatchObject({
        name: kind.name,
        status,
        code,
        requestId: REQUEST_ID,
        method: 'PATCH',
        path: TODO_PATH,
      });
      const message = (error as Error).message;
      for (const part of ['PATCH', TODO_PATH, String(status), code, REQUEST_ID])
        expect(message).toContain(part);
      expect(isTodoSdkError(error)).toBe(true);
      // A ForbiddenError is an UnauthorizedError too, as every 403 was before it.
      const agreeing =
        kind === ForbiddenError ? ['isForbiddenError', 'isUnauthorizedError'] : [`is${kind.name}`];
      for (const [name, isKind] of Object.entries(guards))
        expect(isKind(error), name).toBe(agreeing.includes(name));
    },
  );

  it('a status without a class of its own (405) is a plain TodoSdkError', async () => {
    api.server.use(http.get(ONE_TODO, () => problemAnswer('method_not_allowed')));

    const error = await client()
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TodoSdkError);
    expect(error).toMatchObject({ name: 'TodoSdkError', status: 405, code: 'method_not_allowed' });
    for (const [name, isKind] of Object.entries(guards)) expect(isKind(error), name).toBe(false);
  });

  it('a 422 carries the problem’s field errors', async () => {
    const errors = [
      { path: 'title', message: 'title must be 1–200 characters' },
      { path: 'tags.2', message: 'a tag must be 1–32 characters' },
    ];
    api.server.use(
      http.post(TODOS, () => problemAnswer('validation_failed', { errors, detail: 'The todo is not valid' })),
    );

    const error = await client()
      .todos.create({ title: 'Buy milk' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ fieldErrors: errors, problem: { code: 'validation_failed', errors } });
    expect((error as Error).message).toContain('The todo is not valid');
  });

  it.each([
    ['ETag "5"', 5, '"5"'],
    ['weak ETag W/"6"', 6, 'W/"6"'],
    ['no ETag', undefined, undefined],
  ])('a 412 with %s reports currentVersion %s', async (_, currentVersion, etag) => {
    const headers: Record<string, string> = etag === undefined ? {} : { ETag: etag };
    api.server.use(http.delete(ONE_TODO, () => problemAnswer('precondition_failed', { headers })));

    const error = await client()
      .todos.delete(TODO_ID, { ifMatch: 3 })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((error as PreconditionFailedError).currentVersion).toBe(currentVersion);
  });

  it('a 429 reports the Retry-After it was given', async () => {
    api.server.use(http.get(TODOS, () => problemAnswer('rate_limited', { headers: { 'Retry-After': '7' } })));

    const error = await client()
      .todos.list()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(7);
  });

  it('a body that is not a problem document still maps by status, with an http_ code', async () => {
    api.server.use(
      http.get(ONE_TODO, () =>
        HttpResponse.text('Not Found', { status: 404, headers: { 'x-amzn-RequestId': 'gw-9' } }),
      ),
    );

    const error = await client()
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'http_404', requestId: 'gw-9', problem: undefined });
    expect((error as Error).message).toContain(`GET ${TODO_PATH} failed`);
  });
});

describe('input the SDK refuses before sending', () => {
  it.each([
    ['a blank title', () => client().todos.create({ title: '   ' }), 'title'],
    ['a title over 200 characters', () => client().todos.create({ title: 'x'.repeat(201) }), 'title'],
    ['a title on two lines', () => client().todos.create({ title: 'Buy\nmilk' }), 'title'],
    [
      'an unknown field',
      () => client().todos.create({ title: 'Buy milk', colour: 'red' } as never),
      'colour',
    ],
    ['an empty patch', () => client().todos.update(TODO_ID, {}), ''],
    ['an id that climbs out of the path', () => client().todos.get('../x'), ''],
    ['an id on update', () => client().todos.update('../../admin', { title: 'x' }), ''],
    ['an id on delete', () => client().todos.delete('not-a-ulid'), ''],
  ])('%s is a ValidationError and sends nothing', async (_, call, field) => {
    const error = await call().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed', status: undefined });
    expect((error as ValidationError).fieldErrors.map((fieldError) => fieldError.path)).toContain(field);
    expect((error as Error).message).toContain('not sent');
    expect(api.requests).toHaveLength(0);
  });

  it.each([
    ['ifMatch: 0', () => client().todos.complete(TODO_ID, { ifMatch: 0 })],
    ['ifMatch that is not an ETag', () => client().todos.delete(TODO_ID, { ifMatch: 'latest' })],
    ['an empty idempotencyKey', () => client().todos.create({ title: 'Buy milk' }, { idempotencyKey: '' })],
    [
      'an idempotencyKey with a newline',
      () => client().todos.create({ title: 'Buy milk' }, { idempotencyKey: 'a\nb' }),
    ],
  ])('%s is a ValidationError with code invalid_header, and sends nothing', async (_, call) => {
    const error = await call().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'invalid_header', status: undefined });
    expect((error as Error).message).toContain('not sent');
    expect(api.requests).toHaveLength(0);
  });

  it('an unknown list option is a ValidationError with code invalid_query, and sends nothing', async () => {
    const error = await client()
      .todos.list({ colour: 'red' } as ListQuery)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'invalid_query',
      method: 'GET',
      path: '/v1/todos',
      fieldErrors: [{ path: 'colour', message: 'unknown option "colour"' }],
    });
    expect(api.requests).toHaveLength(0);
  });

  it.each([0, 101, 2.5])('a list limit of %s is refused before sending', async (limit) => {
    const error = await client()
      .todos.list({ limit })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('limit must be a whole number from 1 to 100');
    expect(api.requests).toHaveLength(0);
  });
});
