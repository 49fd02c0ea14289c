// Builds `npm start` (dist/main.mjs) and the test stack other packages use (dist/testing.mjs).
// Dependencies stay in node_modules: this package runs where it is installed, never on Lambda.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(`${root}/dist`, { recursive: true, force: true });
const started = performance.now();
await esbuild.build({
  entryPoints: { main: `${root}/src/main.ts`, testing: `${root}/src/testing.ts` },
  outdir: `${root}/dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  conditions: ['source'],
  packages: 'external',
  logLevel: 'warning',
});
console.log(`built the local gateway in ${Math.round(performance.now() - started)} ms`);
