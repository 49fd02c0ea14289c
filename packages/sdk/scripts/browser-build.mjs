// How dist/browser/todolist-sdk.min.js is built: scripts/build.mjs writes it with these settings,
// and the benchmark (scripts/bench/bundle-size.mjs) rebuilds it in memory with the same ones to
// break its bytes down, so the two cannot measure different bundles.

/** esbuild's settings for the browser bundle, less the entry, the output and the source map. */
export const BROWSER_BUILD = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
