// @ts-check
// The SDK, pointed at the API that config.json names. The local gateway and the deployment
// both write config.json, so the same files run against either.
import { createClient } from '/vendor/todolist-sdk.min.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').TodolistClient} TodolistClient */

/**
 * Reads `/config.json` and answers a client for its `apiUrl`.
 * @returns {Promise<TodolistClient>}
 */
export async function connect() {
  // Default fetch options, so the request matches the <link rel="preload"> in index.html.
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  /** @type {{ apiUrl?: unknown }} */
  const config = await response.json();
  if (typeof config.apiUrl !== 'string') throw new Error('/config.json has no apiUrl');
  return createClient({
    baseUrl: config.apiUrl,
    // The page shows every change at once and undoes it when the API refuses it, so a change
    // that cannot get through must say so within seconds, not after the SDK's 30 s default.
    retry: { limit: 2, baseDelayMs: 250, maxDelayMs: 1000 },
    timeout: { attemptMs: 8000, totalMs: 12000 },
  });
}
