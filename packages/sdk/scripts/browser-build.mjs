// How dist/browser is built: scripts/build.mjs writes it with these settings, and the benchmark
// (scripts/bench/bundle-size.mjs) and the bundle's test rebuild it in memory with the same ones,
// so they cannot measure different bundles.
//
// The browser gets two files, side by side:
//   todolist-sdk.min.js       the client, ky and zod: what a page needs at its first load;
//   todolist-sdk-sync.min.js  reading and following the changes feed (`client.changes`,
//                             `client.subscribe`) and the synced store (`createSyncedStore`),
//                             loaded only when a page asks for them.
// The first loads the second on demand (`client.subscribe` and `client.changes` import it); the
// second imports what it needs of the SDK from the first, so nothing is in both and they share
// one set of classes. Only small modules that import nothing are copied into the second.

/** The files of dist/browser. */
export const BROWSER_FILES = { main: 'todolist-sdk.min.js', sync: 'todolist-sdk-sync.min.js' };

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
