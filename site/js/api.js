// @ts-check
// The SDK, pointed at the API that config.json names. The local gateway and the deployment
// both write config.json, so the same files run against either.
import { createClient } from '/vendor/todolist-sdk.min.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').TodolistClient} TodolistClient */
/** @typedef {{ apiUrl: string, liveUrl?: string, auth?: import('./auth.js').AuthConfig }} Config */

/**
 * Reads `/config.json`: `apiUrl`, and on AWS `liveUrl` (the live pushes' WebSocket; locally the
 * SDK finds it beside the API) and `auth` (the user pool's issuer, managed login's domain and the
 * page's client id).
 * @returns {Promise<Config>}
 */
export async function readConfig() {
  // Default fetch options, so the request matches the <link rel="preload"> in index.html.
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  /** @type {{ apiUrl?: unknown, liveUrl?: unknown, auth?: unknown }} */
  const config = await response.json();
  if (typeof config.apiUrl !== 'string') throw new Error('/config.json has no apiUrl');
  const auth = config.auth && typeof config.auth === 'object' ? config.auth : undefined;
  const liveUrl = typeof config.liveUrl === 'string' ? config.liveUrl : undefined;
  return { apiUrl: config.apiUrl, ...(liveUrl ? { liveUrl } : {}), ...(auth ? { auth } : {}) };
}

/**
 * A client for `apiUrl` that sends the person's access token.
 * @param {Config} config
 * @param {import('/vendor/todolist-sdk.min.js').TokenProvider} auth
 * @param {(sentAt: number) => void} onAnswer told each time the API answers a request sent at
 *   `sentAt` (Date.now()), with anything but a server error: it can be reached again
 * @returns {TodolistClient}
 */
export function connect({ apiUrl, liveUrl }, auth, onAnswer) {
  return createClient({
    baseUrl: apiUrl,
    ...(liveUrl ? { liveUrl } : {}),
    auth,
    fetch: async (input, init) => {
      const sentAt = Date.now();
      const response = await fetch(input, init);
      if (response.status < 500) onAnswer(sentAt);
      return response;
    },
    // The page shows every change at once and undoes it when the API refuses it, so a change
    // that cannot get through must say so within seconds, not after the SDK's 30 s default.
    retry: { limit: 2, baseDelayMs: 250, maxDelayMs: 1000 },
    timeout: { attemptMs: 8000, totalMs: 12000 },
  });
}
