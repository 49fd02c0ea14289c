import { delay, HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortedError, isTimeoutError, TimeoutError } from '../src/index.js';
import { aTodo, inTurn, partialAnswer, problemAnswer, TODO_ID } from './support/api-answers.js';
import { MOCK_BASE_URL, useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// How long the SDK waits, and how the caller stops it waiting: per-attempt and total timeouts,
// and the caller's AbortSignal during a request, during a backoff, and before anything is sent.

const api = useMockApi();
const TODOS = `${MOCK_BASE_URL}/v1/todos`;
const ONE_TODO = `${MOCK_BASE_URL}/v1/todos/:id`;

async function neverAnswers(): Promise<Response> {
  await delay('infinite');
  return HttpResponse.json(aTodo());
}

/** Resolves once `count` requests have reached msw. */
async function requestsReached(count: number): Promise<void> {
  await vi.waitFor(() => expect(api.requests.length).toBeGreaterThanOrEqual(count), {
    timeout: 2000,
    interval: 5,
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('timeouts', () => {
  it('an attempt slower than timeout.attemptMs is retried, and the last one ends in TimeoutError', async () => {
    api.server.use(http.get(ONE_TODO, neverAnswers));

    const error = await quickClient({ timeout: { attemptMs: 50 }, retry: { limit: 2 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(api.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({
      code: 'timeout',
      status: undefined,
      method: 'GET',
      path: `/v1/todos/${TODO_ID}`,
    });
  });

  it('a slow attempt is retried, and the answer of the next one is used', async () => {
    api.server.use(
      http.get(
        ONE_TODO,
        inTurn(neverAnswers, () => HttpResponse.json(aTodo())),
      ),
    );

    await expect(quickClient({ timeout: { attemptMs: 300 } }).todos.get(TODO_ID)).resolves.toEqual(aTodo());
    expect(api.requests).toHaveLength(2);
  });

  it('timeout.totalMs bounds the whole call, retries and waits included', async () => {
    api.server.use(http.get(ONE_TODO, neverAnswers));
    const started = performance.now();

    const error = await quickClient({ timeout: { attemptMs: 200, totalMs: 500 }, retry: { limit: 10 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    // Eleven attempts of 200 ms would take over two seconds.
    const elapsed = performance.now() - started;
    expect(isTimeoutError(error)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(490);
    expect(elapsed).toBeLessThan(1500);
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    expect(api.requests.length).toBeLessThanOrEqual(3);
  });

  it('a body that stalls after the headers is cut off at timeout.totalMs with TimeoutError', async () => {
    api.server.use(http.get(ONE_TODO, () => partialAnswer()));
    const started = performance.now();

    const error = await quickClient({ timeout: { attemptMs: 100, totalMs: 300 } })
      .todos.get(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout', method: 'GET', path: `/v1/todos/${TODO_ID}` });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a create without an Idempotency-Key is not retried after a timeout', async () => {
    api.server.use(http.post(TODOS, neverAnswers));

    const error = await quickClient({ timeout: { attemptMs: 50 } })
      .todos.create({ title: 'Buy milk' }, { idempotencyKey: false })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TimeoutError);
    expect(api.requests).toHaveLength(1);
  });

  it('an update without ifMatch is not retried after a timeout', async () => {
    api.server.use(http.patch(ONE_TODO, neverAnswers));

    const error = await quickClient({ timeout: { attemptMs: 50 } })
      .todos.reopen(TODO_ID)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TimeoutError);
    expect(api.requests).toHaveLength(1);
  });
});

describe('the caller’s AbortSignal', () => {
  it('aborts a request in flight at once, with AbortedError rather than TimeoutError', async () => {
    api.server.use(http.get(ONE_TODO, neverAnswers));
    const controller = new AbortController();
    const call = quickClient({ timeout: { attemptMs: 10_000, totalMs: 30_000 } })
      .todos.get(TODO_ID, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await requestsReached(1);
    const abortedAt = performance.now();

    controller.abort();
    const error = await call;

    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'aborted', method: 'GET', path: `/v1/todos/${TODO_ID}` });
    expect(api.requests).toHaveLength(1);
  });

  it('aborts the reading of a body that has not finished, with AbortedError', async () => {
    api.server.use(http.get(ONE_TODO, () => partialAnswer()));
    const controller = new AbortController();
    const call = quickClient()
      .todos.get(TODO_ID, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await requestsReached(1);
    await new Promise((resolve) => setTimeout(resolve, 50));

    controller.abort();

    expect(await call).toBeInstanceOf(AbortedError);
  });

  it.each([
    ['a Retry-After', () => problemAnswer('service_unavailable', { headers: { 'Retry-After': '10' } })],
    ['a backoff', () => problemAnswer('service_unavailable')],
  ])('aborts the wait for %s between retries at once', async (_, failure) => {
    // With random() pinned near 1, full jitter waits the whole 10 s cap.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    api.server.use(http.get(ONE_TODO, failure));
    const controller = new AbortController();
    const call = quickClient({
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
      timeout: { totalMs: 30_000 },
    })
      .todos.get(TODO_ID, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await requestsReached(1);
    // Let the 503 arrive, so the SDK is waiting to retry rather than waiting for the answer.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = performance.now();

    controller.abort();
    const error = await call;

    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(error).toBeInstanceOf(AbortedError);
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    ['a read', () => quickClient().todos.get(TODO_ID, { signal: AbortSignal.abort() })],
    ['a create', () => quickClient().todos.create({ title: 'Buy milk' }, { signal: AbortSignal.abort() })],
    ['a list', () => quickClient().todos.list({}, { signal: AbortSignal.abort() })],
  ])('already aborted, rejects %s without sending anything', async (_, call) => {
    const error = await call().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AbortedError);
    expect(api.requests).toHaveLength(0);
  });
});
