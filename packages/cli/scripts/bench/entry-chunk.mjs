// What `node bin/todo.js` loads before it can do anything: dist/todo.js and the chunks it imports
// statically, broken down by package; and the chunks it leaves to `import()`, which only the
// commands that need them load.
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { bytesByGroup, readChunkMap } from './source-map.mjs';

// The minified output's own import statements: `import"./x.js"`, `import{a as b}from"./x.js"`,
// and `import("./x.js")`. Only relative ones are chunks; `node:` ones are built-in modules.
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+)["']\s*\)/g;

const specifiers = (code, pattern) => [...code.matchAll(pattern)].map((match) => match[1]);

/**
 * The entry chunk and what it imports statically (loaded on every run), and the lazy chunks
 * reached by `import()` from either, each with its bytes by package.
 */
export async function describeEntryChunk(entryPath) {
  const folder = dirname(entryPath);
  const eager = [];
  const lazy = new Map();
  const builtins = new Set();
  const queue = [entryPath];
  const seen = new Set();
  while (queue.length > 0) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const chunk = await readChunkMap(path);
    eager.push({ file: basename(path), ...chunk });
    for (const specifier of specifiers(chunk.code, STATIC_IMPORT)) {
      if (specifier.startsWith('.')) queue.push(join(folder, specifier));
      else builtins.add(specifier);
    }
    for (const specifier of specifiers(chunk.code, DYNAMIC_IMPORT)) {
      if (specifier.startsWith('.')) lazy.set(join(folder, specifier), specifier);
    }
  }
  const lazyChunks = [];
  for (const path of lazy.keys()) {
    if (seen.has(path)) continue;
    const chunk = await readChunkMap(path).catch(async () => ({
      bytes: (await stat(path)).size,
      sources: [],
    }));
    lazyChunks.push({ file: basename(path), bytes: chunk.bytes, groups: bytesByGroup(chunk.sources) });
  }
  return {
    eagerBytes: eager.reduce((sum, chunk) => sum + chunk.bytes, 0),
    eagerFiles: eager.map((chunk) => chunk.file),
    groups: bytesByGroup(eager.flatMap((chunk) => chunk.sources)),
    glueBytes: eager.reduce((sum, chunk) => sum + chunk.unmappedBytes, 0),
    builtins: [...builtins].sort(),
    lazyChunks: lazyChunks.sort((a, b) => b.bytes - a.bytes),
  };
}
