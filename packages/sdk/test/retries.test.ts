import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConflictError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  ValidationError,
} from '../src/index.js';
import { aTodo, gatewayAnswer, inTurn, problemAnswer, TODO_ID } from './support/api-answers.js';
import { gapsBetween, MOCK_BASE_URL, useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// Failure paths of the SDK's retry policy, against msw: which calls are retried, how often, how
// long apart, and what is thrown when retrying stops. Timings are asserted loosely: a loaded
// machine may run a timer late, never early.

const api = useMockApi();
const TODOS = `${MOCK_BASE_URL}/v1/todos`;
const ONE_TODO = `${MOCK_BASE_URL}/v1/todos/:id`;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// How late an attempt may start on a busy machine (tests of several packages run at once) before
// a timing test calls it wrong: a timer is never early, but may be this late.
const SLACK_MS = 400;

const todoAnswer = () => HttpResponse.json(aTodo());
const failures: Record<number, () => Response> = {
  408: () => gatewayAnswer(408),
  429: () => problemAnswer('rate_limited'),
  500: () => problemAnswer('internal_error'),
  502: () => gatewayAnswer(502),
  503: () => problemAnswer('service_unavailable'),
  504: () => gatewayAnswer(504),
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a read that fails for a while', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'is retried after %i and answers once the server recovers',
    async (status) => {
      const failure = failures[status] as () => Response;
      api.server.use(http.get(ONE_TODO, inTurn(failure, failure, todoAnswer)));

      const todo = await quickClient().todos.get(TODO_ID);

      expect(todo).toEqual(aTodo());
      expect(api.requests).toHaveLength(3);
    },
  );

  it('asks a token provider again for every attempt, so a token that expired meanwhile is replaced', async () => {
    const failure = failures[503] as () => Response;
    api.server.use(http.get(ONE_TODO, inTurn(failure, failure, todoAnswer)));
    let issued = 0;

    await quickClient({ auth: () => `token-${++issued}` }).todos.get(TODO_ID);

    expect(api.requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-3',
    ]);
  });

  it('is retried after a network failure and answers once the network is back', async () => {
    api.server.use(
      http.get(
        ONE_TODO,
        inTurn(
          () => HttpResponse.error(),
          () => HttpResponse.error(),
          todoAnswer,
        ),
      ),
    );

    await expect(quickClient().todos.get(TODO_ID)).resolves.toEqual(aTodo());
    expect(api.requests).toHaveLength(3);
  });

  it('still failing after retry.limit retries, throws ServerError with the problem’s code and request id', async () => {
    api.server.use(
      http.get(ONE_TODO, () =>
        problemAnswer('service_unavailable', {
          requestId: 'req-from-problem',
          headers: { 'x-amzn-RequestId': 'req-from-header' },
        }),
      ),
    );

    const error = await quickClient({ retry: { limit: 2 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(api.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 503,
      code: 'service_unavailable',
      requestId: 'req-from-problem',
      method: 'GET',
      path: `/v1/todos/${TODO_ID}`,
    });
  });

  it('answered by the gateway without a problem document, takes the request id from x-amzn-RequestId', async () => {
    api.server.use(http.get(ONE_TODO, () => gatewayAnswer(502, { 'x-amzn-RequestId': 'gw-req-1' })));

    const error = await quickClient({ retry: { limit: 1 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(api.requests).toHaveLength(2);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: 'gw-req-1' });
  });

  it('failing on the network every time, throws NetworkError after retry.limit retries', async () => {
    api.server.use(http.get(ONE_TODO, () => HttpResponse.error()));

    const error = await quickClient({ retry: { limit: 2 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(api.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'network_error', status: undefined });
  });

  it.each([
    ['retry: false', false],
    ['retry: 0', 0],
    ['retry: { limit: 0 }', { limit: 0 }],
  ] as const)('is sent once with %s', async (_, retry) => {
    api.server.use(http.get(ONE_TODO, () => problemAnswer('service_unavailable')));

    const error = await quickClient({ retry })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerError);
    expect(api.requests).toHaveLength(1);
  });
});

describe('the wait between attempts', () => {
  // With baseDelayMs 100 and maxDelayMs 250 the caps are 100, 200, 250, 250 ms; uncapped, the
  // fourth would be 800 ms.
  const retry = { limit: 4, baseDelayMs: 100, maxDelayMs: 250 };
  const caps = [100, 200, 250, 250];

  it('stays between 0 and its cap: baseDelayMs × 2^(n−1), at most maxDelayMs', async () => {
    api.server.use(http.get(ONE_TODO, () => problemAnswer('internal_error')));

    await quickClient({ retry })
      .todos.get(TODO_ID)
      .catch(() => undefined);

    const gaps = gapsBetween(api.requests);
    expect(gaps).toHaveLength(caps.length);
    gaps.forEach((gap, index) => {
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual((caps[index] as number) + SLACK_MS);
    });
  });

  it('with the jitter at its top, doubles from baseDelayMs and stops growing at maxDelayMs', async () => {
    // Full jitter waits random() × cap; pinning random() near 1 makes every wait its cap.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    api.server.use(http.get(ONE_TODO, () => problemAnswer('internal_error')));

    await quickClient({ retry })
      .todos.get(TODO_ID)
      .catch(() => undefined);

    const gaps = gapsBetween(api.requests);
    expect(gaps).toHaveLength(caps.length);
    gaps.forEach((gap, index) => {
      const cap = caps[index] as number;
      // A timer is never early, so the lower bound can be tight.
      expect(gap).toBeGreaterThanOrEqual(cap * 0.999 - 5);
      expect(gap).toBeLessThanOrEqual(cap + SLACK_MS);
    });
  });

  it('with the jitter at its bottom, is next to nothing: full jitter, not half', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    api.server.use(http.get(ONE_TODO, () => problemAnswer('internal_error')));

    await quickClient({ retry: { limit: 2, baseDelayMs: 2000, maxDelayMs: 10_000 } })
      .todos.get(TODO_ID)
      .catch(() => undefined);

    // Half ("equal") jitter would wait at least 1 and 2 seconds.
    const gaps = gapsBetween(api.requests);
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeLessThan(SLACK_MS);
  });
});

describe('Retry-After', () => {
  it('in seconds, on a 503, is waited out before the retry, beyond maxDelayMs', async () => {
    api.server.use(
      http.get(
        ONE_TODO,
        inTurn(() => problemAnswer('service_unavailable', { headers: { 'Retry-After': '1' } }), todoAnswer),
      ),
    );

    await expect(quickClient().todos.get(TODO_ID)).resolves.toEqual(aTodo());

    const [gap] = gapsBetween(api.requests);
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(1000 + 2 * SLACK_MS);
  });

  it('as an HTTP date, on a 429, is waited out until that date', async () => {
    // HTTP dates have whole seconds: two seconds ahead, truncated, is one to two seconds away.
    const until = new Date(Date.now() + 2000).toUTCString();
    api.server.use(
      http.get(
        ONE_TODO,
        inTurn(() => problemAnswer('rate_limited', { headers: { 'Retry-After': until } }), todoAnswer),
      ),
    );

    await expect(quickClient().todos.get(TODO_ID)).resolves.toEqual(aTodo());

    const [gap] = gapsBetween(api.requests);
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(2000 + 2 * SLACK_MS);
  });

  it('beyond the total timeout is not waited for: RateLimitedError at once, with retryAfterSeconds', async () => {
    api.server.use(
      http.get(ONE_TODO, () =>
        problemAnswer('rate_limited', { headers: { 'Retry-After': '30' }, requestId: 'rl-1' }),
      ),
    );
    const started = performance.now();

    const error = await quickClient({ timeout: { totalMs: 2000 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(performance.now() - started).toBeLessThan(1000);
    expect(api.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: 30,
      requestId: 'rl-1',
    });
  });

  it('beyond the total timeout on a 503 is not waited for either: ServerError at once', async () => {
    api.server.use(
      http.get(ONE_TODO, () => problemAnswer('service_unavailable', { headers: { 'Retry-After': '60' } })),
    );
    const started = performance.now();

    const error = await quickClient({ timeout: { totalMs: 2000 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(performance.now() - started).toBeLessThan(1000);
    expect(api.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(ServerError);
  });
});

describe('a backoff that could outlast the call', () => {
  it('is not slept through: the call ends with the real failure, not a TimeoutError', async () => {
    api.server.use(http.get(ONE_TODO, () => problemAnswer('internal_error')));
    const started = performance.now();

    const error = await quickClient({
      retry: { limit: 5, baseDelayMs: 5000, maxDelayMs: 5000 },
      timeout: { totalMs: 2000 },
    })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(performance.now() - started).toBeLessThan(1000);
    expect(api.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(ServerError);
  });
});

describe('a create', () => {
  it('is retried with the same generated Idempotency-Key on every attempt', async () => {
    api.server.use(
      http.post(
        TODOS,
        inTurn(
          () => problemAnswer('internal_error'),
          () => HttpResponse.error(),
          () => HttpResponse.json(aTodo(), { status: 201 }),
        ),
      ),
    );

    await expect(quickClient().todos.create({ title: 'Buy milk' })).resolves.toEqual(aTodo());

    const keys = api.requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
  });

  it('gets a fresh key per call, so two creates are two todos', async () => {
    api.server.use(http.post(TODOS, () => HttpResponse.json(aTodo(), { status: 201 })));
    const client = quickClient();

    await client.todos.create({ title: 'Buy milk' });
    await client.todos.create({ title: 'Buy milk' });

    const [first, second] = api.requests.map((request) => request.headers.get('idempotency-key'));
    expect(first).toMatch(UUID_V4);
    expect(second).toMatch(UUID_V4);
    expect(first).not.toBe(second);
  });

  it('sends the caller’s idempotencyKey as given, on every attempt', async () => {
    api.server.use(
      http.post(
        TODOS,
        inTurn(
          () => problemAnswer('service_unavailable'),
          () => problemAnswer('service_unavailable'),
          () => HttpResponse.json(aTodo(), { status: 201 }),
        ),
      ),
    );

    await quickClient().todos.create({ title: 'Buy milk' }, { idempotencyKey: 'order-42-milk' });

    expect(api.requests.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'order-42-milk',
      'order-42-milk',
      'order-42-milk',
    ]);
  });

  it.each([
    ['a 503', () => problemAnswer('service_unavailable'), ServerError],
    ['a network failure', () => HttpResponse.error(), NetworkError],
  ])(
    'with idempotencyKey: false sends no key and is not retried after %s',
    async (_, failure, errorClass) => {
      api.server.use(http.post(TODOS, failure));

      const error = await quickClient()
        .todos.create({ title: 'Buy milk' }, { idempotencyKey: false })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(errorClass);
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0]?.headers.has('idempotency-key')).toBe(false);
    },
  );

  it('answered 409 idempotency_in_progress with Retry-After is retried until the first create’s answer', async () => {
    api.server.use(
      http.post(
        TODOS,
        inTurn(
          () => problemAnswer('idempotency_in_progress', { headers: { 'Retry-After': '0' } }),
          () => problemAnswer('idempotency_in_progress', { headers: { 'Retry-After': '0' } }),
          () => HttpResponse.json(aTodo(), { status: 201 }),
        ),
      ),
    );

    await expect(quickClient().todos.create({ title: 'Buy milk' })).resolves.toEqual(aTodo());
    expect(api.requests).toHaveLength(3);
  });

  it.each([
    ['without a problem document', 'http_409', () => gatewayAnswer(409, { 'Retry-After': '0' })],
    [
      'with another code',
      'idempotency_key_reused',
      () => problemAnswer('idempotency_key_reused', { status: 409, headers: { 'Retry-After': '0' } }),
    ],
  ])('answered a 409 %s is not retried, even with Retry-After', async (_, code, answer) => {
    api.server.use(http.post(TODOS, answer));

    const error = await quickClient()
      .todos.create({ title: 'Buy milk' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code });
    expect(api.requests).toHaveLength(1);
  });
});

describe('a change or a delete', () => {
  it('an update without ifMatch is not retried after a 503', async () => {
    api.server.use(http.patch(ONE_TODO, () => problemAnswer('service_unavailable')));

    const error = await quickClient()
      .todos.update(TODO_ID, { title: 'Buy oat milk' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerError);
    expect(api.requests).toHaveLength(1);
  });

  it('an update without ifMatch is not retried after a network failure', async () => {
    api.server.use(http.patch(ONE_TODO, () => HttpResponse.error()));

    const error = await quickClient()
      .todos.complete(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect(api.requests).toHaveLength(1);
  });

  it('an update with ifMatch: 3 is retried after a 503, sending If-Match "3" every time', async () => {
    api.server.use(
      http.patch(
        ONE_TODO,
        inTurn(
          () => problemAnswer('service_unavailable'),
          () => problemAnswer('service_unavailable'),
          () => HttpResponse.json(aTodo({ title: 'Buy oat milk', version: 4 })),
        ),
      ),
    );

    const todo = await quickClient().todos.update(TODO_ID, { title: 'Buy oat milk' }, { ifMatch: 3 });

    expect(todo.version).toBe(4);
    expect(api.requests.map((request) => request.headers.get('if-match'))).toEqual(['"3"', '"3"', '"3"']);
  });

  it('a delete is retried after a 503 and a network failure, then succeeds', async () => {
    api.server.use(
      http.delete(
        ONE_TODO,
        inTurn(
          () => problemAnswer('service_unavailable'),
          () => HttpResponse.error(),
          () => new HttpResponse(null, { status: 204 }),
        ),
      ),
    );

    await expect(quickClient().todos.delete(TODO_ID)).resolves.toBeUndefined();
    expect(api.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });
});

describe('an answer that retrying cannot change', () => {
  it.each([
    ['GET', 400, () => problemAnswer('invalid_id'), ValidationError],
    ['GET', 401, () => problemAnswer('unauthorized'), UnauthorizedError],
    ['GET', 404, () => problemAnswer('not_found'), NotFoundError],
    [
      'PATCH',
      412,
      () => problemAnswer('precondition_failed', { headers: { ETag: '"5"' } }),
      PreconditionFailedError,
    ],
    [
      'POST',
      413,
      () => problemAnswer('payload_too_large', { headers: { 'Retry-After': '0' } }),
      ValidationError,
    ],
    ['POST', 422, () => problemAnswer('validation_failed'), ValidationError],
  ] as const)('%s answered %i is sent once', async (method, status, answer, errorClass) => {
    api.server.use(http.get(ONE_TODO, answer), http.patch(ONE_TODO, answer), http.post(TODOS, answer));
    const { todos } = quickClient();
    // Each call here would be retried on a 503: its method and headers make it safe to repeat.
    const call = {
      GET: () => todos.get(TODO_ID),
      PATCH: () => todos.complete(TODO_ID, { ifMatch: 3 }),
      POST: () => todos.create({ title: 'Buy milk' }),
    }[method];

    const error = await call().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status });
    expect(api.requests).toHaveLength(1);
  });
});

describe('a 401', () => {
  /** Answers 401 to every token but `accepted`. */
  const onlyFor =
    (accepted: string) =>
    ({ request }: { request: Request }) =>
      request.headers.get('authorization') === `Bearer ${accepted}`
        ? todoAnswer()
        : problemAnswer('unauthorized');

  /** A token provider that notes each time it is asked whether it was told to refresh. */
  function recordingProvider(give: (refresh: boolean, asked: number) => string | undefined) {
    const asked: boolean[] = [];
    const provider = ({ refresh }: { refresh: boolean }) => {
      asked.push(refresh);
      return give(refresh, asked.length);
    };
    return { asked, provider };
  }

  it('asks the token provider for a fresh token once and sends the call again with it', async () => {
    api.server.use(http.get(ONE_TODO, onlyFor('fresh')));
    const { asked, provider } = recordingProvider((refresh) => (refresh ? 'fresh' : 'stale'));
    const client = quickClient({ auth: provider });

    expect(await client.todos.get(TODO_ID)).toEqual(aTodo());
    expect(asked).toEqual([false, true]);
    expect(api.requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it('sends a create again with the same Idempotency-Key, so it cannot create twice', async () => {
    api.server.use(http.post(TODOS, onlyFor('fresh')));
    const client = quickClient({ auth: ({ refresh }) => (refresh ? 'fresh' : 'stale') });

    await client.todos.create({ title: 'Buy milk' });

    const keys = api.requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID_V4);
    expect(keys[1]).toBe(keys[0]);
  });

  it('after the fresh token is refused too, throws UnauthorizedError without asking a third time', async () => {
    api.server.use(http.get(ONE_TODO, onlyFor('never')));
    const { asked, provider } = recordingProvider((_, count) => `token-${count}`);
    const client = quickClient({ auth: provider });

    const failure = await client.todos.get(TODO_ID).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UnauthorizedError);
    expect(failure).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(asked).toEqual([false, true]);
    expect(api.requests).toHaveLength(2);
  });

  it('when the provider has no fresh token either, throws the first UnauthorizedError without sending again', async () => {
    api.server.use(http.get(ONE_TODO, onlyFor('never')));
    const { asked, provider } = recordingProvider((refresh) => (refresh ? undefined : 'stale'));
    const client = quickClient({ auth: provider });

    const failure = await client.todos.get(TODO_ID).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UnauthorizedError);
    expect(failure).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(asked).toEqual([false, true]);
    expect(api.requests).toHaveLength(1);
  });

  it('with a fixed token, throws UnauthorizedError at once: there is nothing to refresh', async () => {
    api.server.use(http.get(ONE_TODO, onlyFor('never')));

    const failure = await quickClient({ auth: 'expired' })
      .todos.get(TODO_ID)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UnauthorizedError);
    expect(api.requests).toHaveLength(1);
  });
});
