// The package's public surface: what the CDK app (packages/infra) and the local gateway
// (packages/local) need of the Lambda code. The route modules themselves are the per-route
// bundles, found through `@todolist/handlers/bundles`.
export {
  type AccessTokenIssuer,
  HANDLER_VARIABLES,
  type HandlerConfig,
  type HandlerSettings,
  handlerEnvironment,
} from './config.js';
export { corsHeaders, preflightHeaders } from './http/cors.js';
export type { ProxyHandler } from './http/define-route.js';
export { problem } from './http/responses.js';
export { audienceOf, type ChangedItem } from './live/audience.js';
export { LIVE_HANDLERS, LIVE_METRIC } from './live/live-metrics.js';
export { LIVE_STREAM_FILTERS } from './live/stream-filter.js';
export { METRICS_NAMESPACE, ROUTE_DIMENSION, ROUTE_METRIC } from './observability.js';
export { CHANGE_OVERLAP_MS } from './store/change-cursor.js';
export { createDynamoDbClients } from './store/client.js';
export { ITEM_SHAPE_VERSION, upgradeItems } from './store/item-upgrade.js';
export { CONNECTION_EXPIRY_MARGIN_SECONDS, CONNECTION_LIFETIME_SECONDS } from './store/live-connections.js';
export { TABLE_KEY, TODO_INDEXES, TTL_ATTRIBUTE, tableDefinition } from './store/table-schema.js';
