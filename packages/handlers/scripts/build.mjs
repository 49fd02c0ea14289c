// Builds what runs: one minified ESM bundle per route for Lambda (dist/lambda/<route>/index.mjs),
// and the local gateway behind `npm start` (dist/local/main.mjs).
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions, routeBundles } from './bundles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(`${root}/dist`, { recursive: true, force: true });

const started = performance.now();
await Promise.all([
  ...routeBundles(root).map(({ entry, outfile }) =>
    esbuild.build({ ...bundleOptions, entryPoints: [entry], outfile }),
  ),
  // The package's entry, for the CDK app and other packages: its dependencies stay in node_modules.
  esbuild.build({
    ...bundleOptions,
    entryPoints: [`${root}/src/index.ts`],
    outfile: `${root}/dist/index.mjs`,
    packages: 'external',
    minify: false,
  }),
  esbuild.build({
    ...bundleOptions,
    entryPoints: [`${root}/src/local/main.ts`],
    outfile: `${root}/dist/local/main.mjs`,
    // dynalite loads LevelDB's native addon; it stays in node_modules rather than in the bundle.
    external: ['dynalite', '@aws-sdk/*', '@smithy/*'],
    minify: false,
  }),
]);
console.log(
  `built ${routeBundles(root).length} route bundles and the local gateway in ${Math.round(performance.now() - started)} ms`,
);
