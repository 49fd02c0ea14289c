// Builds @todolist/sdk for every kind of consumer:
//   dist/esm      ES modules and .d.ts, from tsc (Node, bundlers)
//   dist/cjs      CommonJS (index.cjs, contract.cjs, sync.cjs, quick-add.cjs) and .d.cts types, for require()
//   dist/browser  a minified ES module with ky and zod/mini inside, for <script type="module">,
//                 and the one it loads on demand to follow the changes feed
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import {
  BROWSER_BUILD,
  BROWSER_FILES,
  BROWSER_QUICK_ADD_BUILD,
  BROWSER_SYNC_BUILD,
} from './browser-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
await rm(dist, { recursive: true, force: true });

// 1. ESM and declarations.
execFileSync(
  process.execPath,
  [join(root, '../../node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);

// 2. CommonJS. index.cjs requires contract.cjs rather than carrying a second copy of the contract.
// ky is ESM-only, so it is bundled in; zod, which ships CommonJS, stays a dependency.
const contractAsSibling = {
  name: 'contract-as-sibling',
  setup(build) {
    build.onResolve({ filter: /\/contract\/index\.js$/ }, (args) =>
      args.importer.includes('/src/contract/') ? undefined : { path: './contract.cjs', external: true },
    );
  },
};
const cjs = {
  bundle: true,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2022',
  external: ['zod'],
  logLevel: 'warning',
};
await esbuild.build({
  ...cjs,
  entryPoints: [join(root, 'src/contract/index.ts')],
  outfile: join(dist, 'cjs/contract.cjs'),
});
await esbuild.build({
  ...cjs,
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(dist, 'cjs/index.cjs'),
  mainFields: ['module', 'main'],
  plugins: [contractAsSibling],
});
// sync.cjs requires index.cjs for the client's errors and types, rather than a second copy.
const indexAsSibling = {
  name: 'index-as-sibling',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.cjs', external: true }));
  },
};
await esbuild.build({
  ...cjs,
  entryPoints: [join(root, 'src/sync/index.ts')],
  outfile: join(dist, 'cjs/sync.cjs'),
  plugins: [indexAsSibling],
});

// quick-add.cjs requires contract.cjs for the tag rules, and chrono-node (which ships CommonJS).
await esbuild.build({
  ...cjs,
  entryPoints: [join(root, 'src/quick-add/index.ts')],
  outfile: join(dist, 'cjs/quick-add.cjs'),
  external: [...cjs.external, 'chrono-node'],
  plugins: [contractAsSibling],
});

// The CommonJS types are the ESM declarations with .cjs specifiers, in files named .d.cts, so
// TypeScript reads them as CommonJS (what attw checks).
async function* declarations(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* declarations(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}
for await (const file of declarations(join(dist, 'esm'))) {
  const target = join(dist, 'cjs', relative(join(dist, 'esm'), file)).replace(/\.d\.ts$/, '.d.cts');
  const text = (await readFile(file, 'utf8'))
    .replace(/(from\s+'\.{1,2}\/[^']+)\.js'/g, "$1.cjs'")
    .replace(/\/\/# sourceMappingURL=.*$/m, '');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}
await writeFile(join(dist, 'cjs/package.json'), '{ "type": "commonjs" }\n');

// 3. The browser bundle, for a page without a bundler: the client in one file, and beside it the
// file it loads on demand to follow the changes feed and the page's quick add (scripts/browser-build.mjs).
async function browserFile(entry, settings, file) {
  const built = await esbuild.build({
    ...settings,
    entryPoints: [join(root, entry)],
    outfile: join(dist, 'browser', file),
    sourcemap: true,
    metafile: true,
  });
  const bytes = Object.values(built.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
const main = await browserFile('src/browser.ts', BROWSER_BUILD, BROWSER_FILES.main);
const sync = await browserFile('src/browser-sync.ts', BROWSER_SYNC_BUILD, BROWSER_FILES.sync);
const quickAdd = await browserFile(
  'src/browser-quick-add.ts',
  BROWSER_QUICK_ADD_BUILD,
  BROWSER_FILES.quickAdd,
);
console.log(
  `built dist/esm, dist/cjs and dist/browser (browser bundle ${main} minified, and on demand ${sync} to follow the feed and ${quickAdd} of quick add)`,
);
