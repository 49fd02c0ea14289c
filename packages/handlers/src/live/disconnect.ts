import { defineConnectionHandler } from './connection-handler.js';
import { connections } from './live-container.js';
import { LIVE_HANDLERS } from './live-metrics.js';

/**
 * $disconnect: forgets the connection. API Gateway runs it on a best-effort basis only; a
 * connection it missed is deleted by the pusher's next post to it (410) or by TTL.
 */
export const handler = defineConnectionHandler(LIVE_HANDLERS.disconnect, ({ personId, connectionId }) =>
  connections.close(personId, connectionId),
);
