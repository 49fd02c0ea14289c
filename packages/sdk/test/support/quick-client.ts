import { type ClientOptions, createClient, type TodolistClient } from '../../src/index.js';
import { MOCK_BASE_URL } from './mock-api-server.js';

const QUICK_RETRY = { limit: 3, baseDelayMs: 5, maxDelayMs: 20 };
const QUICK_TIMEOUT = { attemptMs: 2000, totalMs: 5000 };

/**
 * A client of the msw API whose retries wait milliseconds, not seconds, so failure paths run
 * fast. A `retry` or `timeout` object replaces these defaults field by field; a number or
 * `false` replaces them as `createClient` reads it.
 */
export function quickClient(options: Partial<ClientOptions> = {}): TodolistClient {
  const { retry, timeout } = options;
  return createClient({
    ...options,
    baseUrl: MOCK_BASE_URL,
    retry: typeof retry === 'object' ? { ...QUICK_RETRY, ...retry } : (retry ?? QUICK_RETRY),
    timeout: typeof timeout === 'object' ? { ...QUICK_TIMEOUT, ...timeout } : (timeout ?? QUICK_TIMEOUT),
  });
}
