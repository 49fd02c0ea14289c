// Part a: the browser bundle's size, minified and gzipped, beside ky's own built the same way, and
// where the bundle's bytes come from, by package, from an esbuild metafile.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** The settings scripts/build.mjs builds dist/browser with, less the source map: keep them in step. */
const BROWSER_BUILD = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

const SOURCE_MAP_COMMENT = /\/\/# sourceMappingURL=\S+\s*$/;

const gzipBytes = (contents) => gzipSync(contents, { level: 9 }).byteLength;

/** ky alone (`import ky from 'ky'; export default ky;`) built in memory with the bundle's settings. */
async function kyAlone(resolveDir) {
  const { outputFiles } = await esbuild.build({
    ...BROWSER_BUILD,
    stdin: { contents: "import ky from 'ky'; export default ky;", resolveDir, loader: 'js' },
  });
  const [output] = outputFiles;
  if (!output) throw new Error('esbuild produced nothing for ky alone');
  return { bytes: output.contents.byteLength, gzipBytes: gzipBytes(output.contents) };
}

/** The package an input of the metafile belongs to, and its path inside that package. */
function packageOf(input) {
  const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
  if (!found) return { name: '@todolist/sdk', file: input.replace(/^.*?dist\/esm\//, '') };
  const [, name, file] = found;
  return { name, file: file.replace(/^(distribution|v4)\//, '') };
}

/** Minified bytes per package, largest first, each with its files largest first. */
function byPackage(inputs) {
  const packages = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    const { name, file } = packageOf(input);
    const entry = packages.get(name) ?? { name, bytes: 0, files: [] };
    entry.bytes += bytesInOutput;
    entry.files.push({ file, bytes: bytesInOutput });
    packages.set(name, entry);
  }
  const sorted = [...packages.values()].sort((a, b) => b.bytes - a.bytes);
  for (const entry of sorted) entry.files.sort((a, b) => b.bytes - a.bytes);
  return sorted;
}

/**
 * The bundle's own figures (dist/browser/todolist-sdk.min.js as built) and ky's alone, both
 * minified and gzipped at level 9, and the breakdown of a fresh in-memory build of the bundle's
 * entry as tsc emitted it (`esmEntry`, in dist/esm) with the same settings. `freshBytes` against `bytes` (less the
 * source-map comment) tells whether dist/browser is out of date with dist/esm.
 */
export async function measureBundle({ bundlePath, esmEntry, resolveDir }) {
  const built = await readFile(bundlePath);
  // esbuild's service process is needed for part a only: stopped here, it takes no CPU from part b.
  const [fresh, ky] = await Promise.all([
    esbuild.build({
      ...BROWSER_BUILD,
      entryPoints: [esmEntry],
      outfile: 'todolist-sdk.min.js',
      metafile: true,
    }),
    kyAlone(resolveDir),
  ]).finally(() => esbuild.stop());
  const [output] = Object.values(fresh.metafile.outputs);
  if (!output) throw new Error(`esbuild produced nothing for ${esmEntry}`);
  const packages = byPackage(output.inputs);
  const attributed = packages.reduce((sum, entry) => sum + entry.bytes, 0);
  return {
    bytes: built.byteLength,
    gzipBytes: gzipBytes(built),
    comparableBytes: Buffer.byteLength(built.toString('utf8').replace(SOURCE_MAP_COMMENT, '')),
    entry: esmEntry,
    freshBytes: output.bytes,
    packages,
    glueBytes: output.bytes - attributed,
    ky,
  };
}
