// index.html preloads every module the first screen imports, so the browser fetches them all at
// once instead of discovering them one import at a time; this keeps that list true.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SITE_DIR } from './support/site.js';

/** The modules `path` imports statically, and theirs, as URL paths. */
async function staticGraph(path: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(path)) return seen;
  seen.add(path);
  const source = await readFile(join(SITE_DIR, path), 'utf8');
  for (const [, target] of source.matchAll(/^import [^;]*? from '([^']+)';/gms)) {
    const url = new URL(target ?? '', `http://site${path}`).pathname;
    if (url.startsWith('/js/')) await staticGraph(url, seen);
    else seen.add(url);
  }
  return seen;
}

it('preloads exactly the modules app.js imports, statically, and no module it loads on demand', async () => {
  const html = await readFile(join(SITE_DIR, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  const graph = await staticGraph('/js/app.js');
  graph.delete('/js/app.js');
  expect(new Set(preloaded)).toEqual(graph);
});
