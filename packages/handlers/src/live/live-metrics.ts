/**
 * The EMF metrics of live pushes, beside the handlers' {@link ROUTE_METRIC}s (which the
 * connection handlers record too, with their name in the `route` dimension). The pusher records
 * these with `route` = `livePusher`.
 */
export const LIVE_METRIC = {
  /** `{"type":"changed"}` posted to a connection. */
  pokes: 'LivePokes',
  /** Posts that found the connection gone (410): its item is deleted. */
  goneConnections: 'LiveGoneConnections',
  /** Posts that failed otherwise (after the SDK's retries): that client hears of it at its next poke or reconnect. */
  failedPokes: 'LivePokeFailures',
  /** Stream records whose audience could not be read: Lambda sends them again. */
  failedRecords: 'LiveRecordFailures',
  /** Connections refused at the handshake by the authorizer (no, bad or expired token). */
  refusedConnections: 'LiveRefusedConnections',
} as const;

/** The name of each live handler, as `@todolist/handlers/bundles`' LIVE_MODULES keys its bundle. */
export const LIVE_HANDLERS = {
  authorizer: 'liveAuthorizer',
  connect: 'liveConnect',
  disconnect: 'liveDisconnect',
  pusher: 'livePusher',
} as const;
