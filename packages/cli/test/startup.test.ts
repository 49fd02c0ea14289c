import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, todoBin } from './support/built-cli.js';

// What every run loads before it can do anything, `todo --version` included: dist/todo.js and the
// chunks it imports statically (the benchmark's explanation reads them the same way). The SDK,
// its contract (zod, the due days, the OAuth paths) and ky load only with the commands that use
// them.

const dist = join(dirname(todoBin), '..', 'dist');

// The minified output's own static imports: `import"./x.js"` and `import{a as b}from"./x.js"`.
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']\.\/([^"']+)["']/g;

/** The source files behind a chunk, from its source map. */
async function sourcesOf(chunk: string): Promise<string[]> {
  return (JSON.parse(await readFile(join(dist, `${chunk}.map`), 'utf8')) as { sources: string[] }).sources;
}

/** The source files of dist/todo.js and of every chunk it imports statically. */
async function startupSources(): Promise<string[]> {
  const seen = new Set<string>();
  const queue = ['todo.js'];
  const sources: string[] = [];
  for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    sources.push(...(await sourcesOf(chunk)));
    const code = await readFile(join(dist, chunk), 'utf8');
    for (const [, imported] of code.matchAll(STATIC_IMPORT)) queue.push(imported as string);
  }
  return sources;
}

const fromSdk = (source: string) => /\/sdk\/src\/|\/node_modules\/(zod|ky)\//.test(source);

beforeAll(ensureCliBuilt, 120_000);

describe('start-up', () => {
  it('loads neither the SDK nor its contract: no zod, no ky, not even the due days or the OAuth paths', async () => {
    const sources = await startupSources();
    expect(sources).toContainEqual(expect.stringMatching(/\/commander\//));
    expect(sources.filter(fromSdk)).toEqual([]);
  });

  it('leaves the lists to the commands that use them: only the registration of lists, mv and share loads', async () => {
    const sources = await startupSources();
    const listsCode = (source: string) =>
      /\/src\/lists\//.test(source) || /\/src\/commands\/lists\/(?!index\.ts$)/.test(source);
    expect(sources).toContainEqual(expect.stringMatching(/\/src\/commands\/lists\/index\.ts$/));
    expect(sources.filter(listsCode)).toEqual([]);
  });

  it('leaves the contract to chunks the commands load when they run', async () => {
    const chunks = (await readdir(dist)).filter((file) => file.endsWith('.js'));
    const lazy = (await Promise.all(chunks.map(sourcesOf))).flat();
    expect(lazy).toContainEqual(expect.stringMatching(/\/sdk\/src\/contract\/due\.ts$/));
    expect(lazy).toContainEqual(expect.stringMatching(/\/sdk\/src\/contract\/access\.ts$/));
  });
});
