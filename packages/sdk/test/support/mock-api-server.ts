import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The base URL the msw tests call. Nothing listens there: msw answers, or the test fails. */
export const MOCK_BASE_URL = 'http://api.todolist.test';

/** One request as it reached msw. */
export interface SeenRequest {
  method: string;
  /** The URL path, such as `/v1/todos/01J…`. */
  path: string;
  /** The whole URL, query included. */
  url: URL;
  headers: Headers;
  /** When it reached msw, in `performance.now()` milliseconds. */
  at: number;
}

/** The msw server of a test file and what reached it. */
export interface MockApi {
  /** Add a test's handlers with `server.use(...)`; they are removed after each test. */
  readonly server: ReturnType<typeof setupServer>;
  /** Every request of the current test that reached msw, in order, retries included. */
  readonly requests: SeenRequest[];
}

/**
 * Intercepts `fetch` with msw for the calling test file. A request no handler answers fails the
 * test: msw errors it, which the SDK would turn into a `NetworkError` that a test expecting a
 * failure could mistake for its own, so the request is also reported after the test.
 */
export function useMockApi(): MockApi {
  const server = setupServer();
  const requests: SeenRequest[] = [];
  const unhandled: string[] = [];
  server.events.on('request:unhandled', ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
  server.events.on('request:start', ({ request }) => {
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      at: performance.now(),
    });
  });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    const missed = unhandled.splice(0);
    if (missed.length > 0) throw new Error(`requests no msw handler answered: ${missed.join(', ')}`);
  });
  afterAll(() => server.close());
  return { server, requests };
}

/** The time between each request and the one before it, in ms. */
export function gapsBetween(requests: readonly SeenRequest[]): number[] {
  return requests.slice(1).map((request, index) => request.at - (requests[index] as SeenRequest).at);
}
