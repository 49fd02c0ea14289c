// How dist/browser is built: scripts/build.mjs writes it with these settings, and the benchmark
// (scripts/bench/bundle-size.mjs) and the bundle's test rebuild it in memory with the same ones,
// so they cannot measure different bundles.
//
// The browser gets three files, side by side:
//   todolist-sdk.min.js            the client, ky and zod: what a page needs at its first load;
//   todolist-sdk-sync.min.js       reading and following the changes feed (`client.changes`,
//                                  `client.subscribe`) and the synced store (`createSyncedStore`),
//                                  loaded only when a page asks for them;
//   todolist-sdk-quick-add.min.js  quick add (`parseQuickAdd`, `toTodoCreate`) with chrono-node,
//                                  which a page imports when the person first types a todo.
// The first loads the second on demand (`client.subscribe` and `client.changes` import it); the
// second and third import what they need of the SDK from the first, so nothing is in two and
// they share one set of classes and one zod. Only small modules that import nothing are copied.

/** The files of dist/browser. */
export const BROWSER_FILES = {
  main: 'todolist-sdk.min.js',
  sync: 'todolist-sdk-sync.min.js',
  quickAdd: 'todolist-sdk-quick-add.min.js',
};

/** The folders of what the second file holds: reading the feed, following it live, the synced store. */
const ON_DEMAND = /[/\\]src[/\\](changes|live|sync)[/\\]/;

/** In the first file, the on-demand imports (of src/changes/, src/live/) are of the second file beside it. */
const syncFileBeside = {
  name: 'sync-file-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(changes|live)\/[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./${BROWSER_FILES.sync}`, external: true } : undefined,
    );
  },
};

/** In the second file, the SDK's entry (`../index.js`, from changes/, live/ and sync/) is the first file beside it. */
const mainFileBeside = {
  name: 'main-file-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      ON_DEMAND.test(args.importer) ? { path: `./${BROWSER_FILES.main}`, external: true } : undefined,
    );
  },
};

/** In the third file, the contract's index (`../contract/index.js`, from quick-add/) is the first file beside it. */
const contractFromMainFile = {
  name: 'contract-from-main-file',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/contract\/index\.js$/ }, (args) =>
      /[/\\]src[/\\]quick-add[/\\]/.test(args.importer)
        ? { path: `./${BROWSER_FILES.main}`, external: true }
        : undefined,
    );
  },
};

const COMMON = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/** esbuild's settings for the first file (entry src/browser.ts), less the entry, the output and the source map. */
export const BROWSER_BUILD = { ...COMMON, plugins: [syncFileBeside] };

/** esbuild's settings for the second file (entry src/browser-sync.ts), likewise. */
export const BROWSER_SYNC_BUILD = { ...COMMON, plugins: [mainFileBeside] };

/** esbuild's settings for the third file (entry src/browser-quick-add.ts), likewise. */
export const BROWSER_QUICK_ADD_BUILD = { ...COMMON, plugins: [contractFromMainFile] };
