// Bundles the CLI into dist/: todo.js holds what every run needs (commander, the commands'
// definitions); the SDK, prompts and CSV code are split into chunks loaded only by the commands
// that use them, so `todo --version` and `todo --help` start fast.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
await rm(`${root}/dist`, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: { todo: `${root}/src/main.ts` },
  outdir: `${root}/dist`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  conditions: ['source'],
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  define: { TODO_CLI_VERSION: JSON.stringify(version) },
  // commander is CommonJS and calls require(); an ES module bundle needs one defined.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
// The entry's own output: chunks of dynamic imports have an entryPoint too.
const entry = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('dist/todo.js'));
console.log(
  `built dist/todo.js (${((entry?.[1].bytes ?? 0) / 1024).toFixed(1)} KB) and ${Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length - 1} lazy chunks`,
);
