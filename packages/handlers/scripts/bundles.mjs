// The per-route Lambda bundles: the one list of which module each route's handler is, read by
// the build, the benchmarks, the local gateway (which runs these same bundles) and the CDK app
// (which deploys them). Plain JavaScript, so the build script reads it as it is.
import { fileURLToPath } from 'node:url';

/** The package's folder. */
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each route's handler module in `src/routes/`, by the route table's names. A test holds it to
 * the route table, so a route without a handler, or a handler without a route, fails.
 */
export const ROUTE_MODULES = {
  createTodo: 'create-todo',
  listTodos: 'list-todos',
  getTodo: 'get-todo',
  updateTodo: 'update-todo',
  deleteTodo: 'delete-todo',
  importTodos: 'import-todos',
  quickAddTodo: 'quick-add-todo',
  openapi: 'openapi',
  health: 'health',
  listLists: 'list-lists',
  createList: 'create-list',
  getList: 'get-list',
  updateList: 'update-list',
  deleteList: 'delete-list',
  listMembers: 'list-members',
  addMember: 'add-member',
  removeMember: 'remove-member',
  listFilters: 'list-filters',
  createFilter: 'create-filter',
  getFilter: 'get-filter',
  updateFilter: 'update-filter',
  deleteFilter: 'delete-filter',
  listChanges: 'list-changes',
};

/** The Cognito triggers' handler modules in `src/triggers/`, bundled as the routes are. */
export const TRIGGER_MODULES = {
  signIn: 'sign-in',
};

/**
 * The live pushes' handler modules in `src/live/`, for the WebSocket API (AWS): its $connect
 * authorizer, its $connect and $disconnect routes, and the table's stream consumer that pokes
 * connections. Locally the gateway serves the same protocol itself and needs none of them.
 */
export const LIVE_MODULES = {
  liveAuthorizer: 'authorizer',
  liveConnect: 'connect',
  liveDisconnect: 'disconnect',
  livePusher: 'pusher',
};

/** The folder of a route's built bundle (`index.mjs` and its source map), as Lambda gets it. */
export function lambdaBundleDir(name, root = PACKAGE_ROOT) {
  return `${root}/dist/lambda/${name}`;
}

/** The built bundle of a route: the file the local gateway imports and Lambda runs. */
export function lambdaBundle(name, root = PACKAGE_ROOT) {
  return `${lambdaBundleDir(name, root)}/index.mjs`;
}

/** Each route's entry file and bundle path. */
export function routeBundles(root = PACKAGE_ROOT) {
  return Object.entries(ROUTE_MODULES).map(([name, module]) => ({
    name,
    entry: `${root}/src/routes/${module}.ts`,
    outfile: lambdaBundle(name, root),
  }));
}

/** Each trigger's entry file and bundle path. */
export function triggerBundles(root = PACKAGE_ROOT) {
  return Object.entries(TRIGGER_MODULES).map(([name, module]) => ({
    name,
    entry: `${root}/src/triggers/${module}.ts`,
    outfile: lambdaBundle(name, root),
  }));
}

/** Each live handler's entry file and bundle path. */
export function liveBundles(root = PACKAGE_ROOT) {
  return Object.entries(LIVE_MODULES).map(([name, module]) => ({
    name,
    entry: `${root}/src/live/${module}.ts`,
    outfile: lambdaBundle(name, root),
  }));
}

/** esbuild settings for code that runs on Lambda's Node 24 runtime. */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  sourcemap: true,
  conditions: ['source'],
  logLevel: 'warning',
  legalComments: 'none',
  // Lambda's Node.js runtimes include AWS SDK v3, so the bundles leave it out, as CDK's
  // NodejsFunction does by default: it is most of a bundle's size (about 530 of 630 KB here).
  external: ['@aws-sdk/*', '@smithy/*'],
  // Some CommonJS dependencies call require(); ESM output needs one defined.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};
