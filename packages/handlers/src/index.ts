// The package's public surface, for the CDK app and for other packages' tests.
export { HANDLER_VARIABLES, type HandlerConfig, type HandlerSettings, handlerEnvironment } from './config.js';
export type { ProxyHandler } from './http/define-route.js';
export type { MachineClient } from './local/auth/machine-client.js';
export {
  type LocalSignIn,
  type SignInLocallyOptions,
  signInLocally,
} from './local/auth/sign-in-locally.js';
export { type DynaliteServer, startDynalite } from './local/dynalite.js';
export type { Gateway, GatewayOptions } from './local/gateway.js';
export { type LocalStack, type LocalStackOptions, startLocalStack } from './local/local-stack.js';
export type { LocalIdentity } from './local/proxy-event.js';
export { ensureTable } from './local/table.js';
export { handlerEntry, handlerLoaders } from './routes/index.js';
export { createDynamoDbClients } from './store/client.js';
export { TABLE_KEY, TTL_ATTRIBUTE } from './store/table-schema.js';
