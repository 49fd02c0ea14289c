// What the browser bundle (dist/browser) holds, built in memory from the sources with the build's
// own settings: the client and the parts of ky and zod it uses, and nothing only the server needs;
// beside it, the file it loads on demand to follow the changes feed, which carries no copy of
// the client, ky or zod but imports them from the first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_BUILD,
  BROWSER_FILES,
  BROWSER_QUICK_ADD_BUILD,
  BROWSER_SYNC_BUILD,
} from '../scripts/browser-build.mjs';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

interface Built {
  code: string;
  inputs: string[];
  imports: readonly { path: string; kind: string }[];
}

async function build(settings: esbuild.BuildOptions, entry: string, outfile: string): Promise<Built> {
  const result = await esbuild.build({ ...settings, entryPoints: [source(entry)], outfile, metafile: true });
  const [file] = result.outputFiles ?? [];
  const [output] = Object.values(result.metafile.outputs);
  if (!file || !output) throw new Error('esbuild built no bundle');
  return {
    code: file.text,
    inputs: Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
    imports: output.imports,
  };
}

let main: Built;
let sync: Built;
let quickAdd: Built;
/** A folder both files are written to, side by side, as dist/browser holds them. */
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'todolist-sdk-browser-'));
  [main, sync, quickAdd] = await Promise.all([
    build({ ...BROWSER_BUILD, write: false }, 'browser.ts', BROWSER_FILES.main),
    build({ ...BROWSER_SYNC_BUILD, write: false }, 'browser-sync.ts', BROWSER_FILES.sync),
    build({ ...BROWSER_QUICK_ADD_BUILD, write: false }, 'browser-quick-add.ts', BROWSER_FILES.quickAdd),
    esbuild.build({
      ...BROWSER_BUILD,
      entryPoints: [source('browser.ts')],
      outfile: join(folder, BROWSER_FILES.main),
    }),
    esbuild.build({
      ...BROWSER_SYNC_BUILD,
      entryPoints: [source('browser-sync.ts')],
      outfile: join(folder, BROWSER_FILES.sync),
    }),
    esbuild.build({
      ...BROWSER_QUICK_ADD_BUILD,
      entryPoints: [source('browser-quick-add.ts')],
      outfile: join(folder, BROWSER_FILES.quickAdd),
    }),
  ]);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the browser bundle', () => {
  it('is self-contained: it imports nothing but, on demand, the file beside it', () => {
    expect(main.imports.filter((entry) => entry.kind !== 'dynamic-import')).toEqual([]);
    expect(new Set(main.imports.map((entry) => entry.path))).toEqual(new Set([`./${BROWSER_FILES.sync}`]));
  });

  it("checks requests and answers with the contract's own schemas", () => {
    for (const contract of [
      'src/contract/todo.ts',
      'src/contract/list.ts',
      'src/contract/problem.ts',
      'src/contract/changes.ts',
    ]) {
      expect(main.inputs).toContain(contract);
    }
  });

  it('leaves out the route table, the OpenAPI document and its generator, and the CORS lists', () => {
    for (const serverOnly of [
      'src/contract/routes.ts',
      'src/contract/openapi.ts',
      'src/contract/openapi-document.ts',
      'src/contract/cors.ts',
      'src/contract/import-request.ts',
      'src/contract/changes-query.ts',
    ]) {
      expect(main.inputs).not.toContain(serverOnly);
    }
    expect(main.code).not.toContain('Create a todo');
    expect(main.code).not.toContain('The request body is not valid JSON');
  });

  it('leaves reading and following the changes feed, and the synced store, to the file it loads on demand', () => {
    expect(main.inputs.filter((path) => /^src\/(changes|live|sync)\//.test(path))).toEqual([]);
    expect(main.code).not.toContain('WebSocket');
  });

  it('leaves quick add and its date parser to the quick-add file', () => {
    expect(main.inputs.filter((path) => /^src\/quick-add\/|chrono-node/.test(path))).toEqual([]);
  });

  it("carries none of zod's JSON Schema code, nor the schemas the contract does not use", () => {
    expect(main.inputs.filter((path) => /zod\/v4\/core\/(json-schema|to-json-schema)/.test(path))).toEqual(
      [],
    );
    for (const unused of [
      'ZodMiniISODuration',
      'ZodMiniISOTime',
      'ZodMiniBigInt',
      'ZodMiniDate',
      'ZodMiniRecord',
    ]) {
      expect(main.code).not.toContain(`"${unused}"`);
    }
  });

  it("is safe under a Content-Security-Policy without 'unsafe-eval': it compiles no code at run time", () => {
    for (const { code } of [main, sync, quickAdd]) expect(code).not.toMatch(/\bnew Function\b|\beval\(/);
    expect(main.code).toContain('jitless:!0');
  });
});

describe('the file the browser bundle loads on demand', () => {
  it('takes the client, its errors, ky and zod from the bundle beside it, carrying no copy', () => {
    expect(sync.imports).toEqual(
      expect.arrayContaining([{ path: `./${BROWSER_FILES.main}`, kind: 'import-statement', external: true }]),
    );
    expect(new Set(sync.imports.map((entry) => entry.path))).toEqual(new Set([`./${BROWSER_FILES.main}`]));
    // Only modules that import nothing are copied in: the live protocol's constants, the feed's
    // path, and small helpers.
    const copied = sync.inputs.filter((path) => !/^src\/(changes|live|sync)\//.test(path));
    expect(copied.sort(), copied.join(', ')).toEqual(
      [
        'src/client/backoff.ts',
        'src/client/search-params.ts',
        'src/client/wait.ts',
        'src/contract/endpoints.ts',
        'src/contract/live.ts',
      ].sort(),
    );
  });

  it('links to the bundle beside it, and gives what the client loads and the synced store', async () => {
    const loaded = await import(/* @vite-ignore */ pathToFileURL(join(folder, BROWSER_FILES.sync)).href);
    expect(Object.keys(loaded).sort()).toEqual([
      'changePages',
      'createSyncedStore',
      'readChanges',
      'subscribe',
    ]);
  });
});

describe('the quick-add file', () => {
  it('carries chrono-node and quick add, and takes the contract (and so zod) from the bundle beside it', () => {
    expect(new Set(quickAdd.imports.map((entry) => entry.path))).toEqual(
      new Set([`./${BROWSER_FILES.main}`]),
    );
    expect(quickAdd.inputs.some((path) => path.includes('node_modules/chrono-node/'))).toBe(true);
    expect(quickAdd.inputs.filter((path) => /node_modules\/(zod|ky)\//.test(path))).toEqual([]);
    const copied = quickAdd.inputs.filter(
      (path) => path.startsWith('src/') && !path.startsWith('src/quick-add/'),
    );
    expect(copied).toEqual(['src/contract/calendar.ts']);
  });

  it('reads a line beside the bundle it links to, as the SDK does', async () => {
    const loaded = await import(/* @vite-ignore */ pathToFileURL(join(folder, BROWSER_FILES.quickAdd)).href);
    const parse = loaded.parseQuickAdd('Pay rent dec 24 p1 #home', {
      timeZone: 'Europe/Paris',
      now: new Date('2026-12-03T10:00:00Z'),
    });
    expect(loaded.toTodoCreate(parse)).toEqual({
      title: 'Pay rent',
      dueDate: '2026-12-24',
      priority: 'high',
      tags: ['home'],
    });
  });
});
