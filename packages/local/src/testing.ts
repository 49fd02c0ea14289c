// `@todolist/local/testing`: the local product for other packages' tests and benchmarks, as a
// devDependency. A test starts a stack (in memory, on a random port), signs people in through
// its real sign-in pages, and talks to it over HTTP as any client does.
export { type DynaliteServer, startDynalite } from './data/dynalite.js';
export { ensureTable } from './data/table.js';
export type { Gateway, GatewayOptions } from './gateway/gateway.js';
export type { ThrottleSettings } from './gateway/throttle.js';
export type { MachineClient } from './issuer/machine-client.js';
export { type LocalSignIn, type SignInLocallyOptions, signInLocally } from './issuer/sign-in-locally.js';
export { type LocalStack, type LocalStackOptions, startLocalStack } from './local-stack.js';
