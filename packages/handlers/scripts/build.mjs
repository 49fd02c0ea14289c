// Builds what runs on Lambda: one minified ESM bundle per route, trigger and live handler (dist/lambda/<name>/index.mjs),
// which the CDK app deploys and the local gateway (@todolist/local) runs, and the package's
// entry for the packages that read it (dist/index.mjs).
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions, liveBundles, routeBundles, triggerBundles } from './bundles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(`${root}/dist`, { recursive: true, force: true });

const started = performance.now();
await Promise.all([
  ...[...routeBundles(root), ...triggerBundles(root), ...liveBundles(root)].map(({ entry, outfile }) =>
    esbuild.build({ ...bundleOptions, entryPoints: [entry], outfile }),
  ),
  // Its dependencies stay in node_modules.
  esbuild.build({
    ...bundleOptions,
    entryPoints: [`${root}/src/index.ts`],
    outfile: `${root}/dist/index.mjs`,
    packages: 'external',
    minify: false,
  }),
]);
console.log(
  `built ${routeBundles(root).length} route, ${triggerBundles(root).length} trigger and ${liveBundles(root).length} live bundles in ${Math.round(performance.now() - started)} ms`,
);
