// Part a: the browser bundle's size, minified and gzipped, beside ky's own built the same way, and
// where the bundle's bytes come from, by package, minified (esbuild's metafile) and gzipped (each
// package's bytes alone, cut out of the bundle by its source map).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { BROWSER_BUILD } from '../browser-build.mjs';
import { textBySource } from './bytes-by-source.mjs';

const IN_MEMORY = { ...BROWSER_BUILD, write: false };

const SOURCE_MAP_COMMENT = /\/\/# sourceMappingURL=\S+\s*$/;

/**
 * The schemas the client checks requests and answers with: with ky, the least the bundle can be
 * while it keeps ky, zod and those checks (the "floor" of the breakdown).
 */
const CHECKED_SCHEMAS = [
  'ChangePage',
  'Problem',
  'Todo',
  'TodoCreate',
  'TodoId',
  'TodoImportItem',
  'TodoImportResponse',
  'TodoListQuery',
  'TodoPage',
  'TodoPatch',
];

const gzipBytes = (contents) => gzipSync(contents, { level: 9 }).byteLength;

/** `contents` (a module's source) built in memory with the bundle's settings: its bytes, minified and gzipped. */
async function sizeOf(contents, resolveDir) {
  const { outputFiles } = await esbuild.build({
    ...IN_MEMORY,
    stdin: { contents, resolveDir, loader: 'js' },
  });
  const [output] = outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for: ${contents}`);
  return { bytes: output.contents.byteLength, gzipBytes: gzipBytes(output.contents) };
}

/** The package an input of the metafile belongs to, and its path inside that package. */
function packageOf(input) {
  const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
  if (!found) return { name: '@todolist/sdk', file: input.replace(/^.*?dist\/esm\//, '') };
  const [, name, file] = found;
  return { name, file: file.replace(/^(distribution|v4)\//, '') };
}

/**
 * Bytes per package, largest first: minified (from the metafile), gzipped on their own (the
 * package's stretches of the bundle, from its source map), and each package's files, largest first.
 */
function byPackage(inputs, code, map) {
  const packages = new Map();
  const entryOf = (name) => {
    const entry = packages.get(name) ?? { name, bytes: 0, text: '', files: [] };
    packages.set(name, entry);
    return entry;
  };
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    const { name, file } = packageOf(input);
    const entry = entryOf(name);
    entry.bytes += bytesInOutput;
    entry.files.push({ file, bytes: bytesInOutput });
  }
  // The map names sources relative to the bundle's directory; the package is all that is needed.
  for (const [source, text] of textBySource(code, map)) {
    if (source !== null) entryOf(packageOf(source).name).text += text;
  }
  return [...packages.values()]
    .map(({ text, ...entry }) => ({
      ...entry,
      gzipBytes: gzipBytes(text),
      files: entry.files.sort((a, b) => b.bytes - a.bytes),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * The bundle's own figures (dist/browser/todolist-sdk.min.js as built) and ky's alone, both
 * minified and gzipped at level 9, and the breakdown of a fresh in-memory build of the bundle's
 * entry as tsc emitted it (`esmEntry`, in dist/esm) with the same settings, with the floor: ky
 * and the schemas the client checks, without the client. `freshBytes` against `comparableBytes`
 * (the bundle less its source-map comment) tells whether dist/browser is out of date with dist/esm.
 */
export async function measureBundle({ bundlePath, esmEntry, contractEntry, resolveDir }) {
  const built = await readFile(bundlePath);
  // esbuild's service process is needed for part a only: stopped here, it takes no CPU from part b.
  const [fresh, ky, floor] = await Promise.all([
    esbuild.build({
      ...IN_MEMORY,
      entryPoints: [esmEntry],
      outfile: 'todolist-sdk.min.js',
      sourcemap: 'external',
      metafile: true,
    }),
    sizeOf("import ky from 'ky'; export default ky;", resolveDir),
    sizeOf(
      `export { default as ky } from 'ky'; export { ${CHECKED_SCHEMAS.join(', ')} } from ${JSON.stringify(contractEntry)};`,
      resolveDir,
    ),
  ]).finally(() => esbuild.stop());
  const output = Object.values(fresh.metafile.outputs).find((candidate) => candidate.entryPoint);
  const code = fresh.outputFiles.find((file) => file.path.endsWith('.js'));
  const map = fresh.outputFiles.find((file) => file.path.endsWith('.js.map'));
  if (!output || !code || !map) throw new Error(`esbuild produced no bundle and source map for ${esmEntry}`);
  const packages = byPackage(output.inputs, code.text, JSON.parse(map.text));
  const attributed = packages.reduce((sum, entry) => sum + entry.bytes, 0);
  return {
    bytes: built.byteLength,
    gzipBytes: gzipBytes(built),
    comparableBytes: Buffer.byteLength(built.toString('utf8').replace(SOURCE_MAP_COMMENT, '')),
    entry: esmEntry,
    freshBytes: output.bytes,
    freshGzipBytes: gzipBytes(code.contents),
    packages,
    glueBytes: output.bytes - attributed,
    ky,
    floor,
  };
}
