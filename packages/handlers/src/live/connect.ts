import { defineConnectionHandler } from './connection-handler.js';
import { connections } from './live-container.js';
import { LIVE_HANDLERS } from './live-metrics.js';

/** $connect: records the connection the authorizer allowed, in its owner's partition, for two hours and a margin. */
export const handler = defineConnectionHandler(LIVE_HANDLERS.connect, ({ personId, connectionId }) =>
  connections.open(personId, connectionId),
);
