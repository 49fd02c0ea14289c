// The live protocol's constants: plain data that imports nothing, so the code that follows the
// feed (loaded on demand in the browser) carries them without zod. Its one message's schema,
// LiveMessage, is in changes.ts.

/**
 * Where a client connects to hear of changes as they happen, locally: a WebSocket on the API's
 * own origin, `ws://<host>/v1/live?token=<access token>`. On AWS the WebSocket API has its own
 * URL (the stack's `LiveUrl` output, and the page's `liveUrl` setting); the protocol is the same.
 */
export const LIVE_PATH = '/v1/live';

/** The query parameter that carries the access token: a browser's WebSocket cannot send headers. */
export const LIVE_TOKEN_PARAMETER = 'token';

/**
 * What a client may send: a ping, now and then, so that an idle connection is not closed
 * (API Gateway closes one after 10 minutes without a message). Nothing answers it.
 */
export const LIVE_PING = { action: 'ping' } as const;

/** How often a client pings an otherwise idle connection, in milliseconds. */
export const LIVE_PING_INTERVAL_MS = 5 * 60 * 1000;
