// The per-route bundles, shared by the build, the benchmarks and the CDK app.
import { readFileSync } from 'node:fs';

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

/** Route names, read from the handler loader table so a new route gets a bundle without edits here. */
export function routeNames(root) {
  const source = readFileSync(`${root}/src/routes/index.ts`, 'utf8');
  return [...source.matchAll(/^ {2}(\w+): \(\) => import\('\.\/([\w-]+)\.js'\)/gm)].map(([, name, file]) => ({
    name,
    file,
  }));
}

/** Each route's entry file and bundle path. */
export function routeBundles(root) {
  return routeNames(root).map(({ name, file }) => ({
    name,
    entry: `${root}/src/routes/${file}.ts`,
    outfile: `${root}/dist/lambda/${name}/index.mjs`,
  }));
}
