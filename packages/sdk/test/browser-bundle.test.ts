// What the browser bundle (dist/browser) holds, built in memory from the sources with the build's
// own settings: the client and the parts of ky and zod it uses, and nothing only the server needs.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_BUILD } from '../scripts/browser-build.mjs';

const ENTRY = fileURLToPath(new URL('../src/browser.ts', import.meta.url));

let code: string;
let inputs: string[];
let imports: readonly unknown[];

beforeAll(async () => {
  const result = await esbuild.build({
    ...BROWSER_BUILD,
    entryPoints: [ENTRY],
    outfile: 'todolist-sdk.min.js',
    write: false,
    metafile: true,
  });
  const [file] = result.outputFiles;
  const [output] = Object.values(result.metafile.outputs);
  if (!file || !output) throw new Error('esbuild built no bundle');
  code = file.text;
  inputs = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  imports = output.imports;
});

describe('the browser bundle', () => {
  it('is self-contained: it imports nothing', () => {
    expect(imports).toEqual([]);
  });

  it("checks requests and answers with the contract's own schemas", () => {
    for (const contract of ['src/contract/todo.ts', 'src/contract/list.ts', 'src/contract/problem.ts']) {
      expect(inputs).toContain(contract);
    }
  });

  it('leaves out the route table, the OpenAPI document and its generator, and the CORS lists', () => {
    for (const serverOnly of [
      'src/contract/routes.ts',
      'src/contract/openapi.ts',
      'src/contract/openapi-document.ts',
      'src/contract/cors.ts',
      'src/contract/import-request.ts',
    ]) {
      expect(inputs).not.toContain(serverOnly);
    }
    expect(code).not.toContain('Create a todo');
    expect(code).not.toContain('The request body is not valid JSON');
  });

  it("carries none of zod's JSON Schema code, nor the schemas the contract does not use", () => {
    expect(inputs.filter((path) => /zod\/v4\/core\/(json-schema|to-json-schema)/.test(path))).toEqual([]);
    for (const unused of [
      'ZodMiniISODuration',
      'ZodMiniISOTime',
      'ZodMiniBigInt',
      'ZodMiniDate',
      'ZodMiniRecord',
    ]) {
      expect(code).not.toContain(`"${unused}"`);
    }
  });

  it("is safe under a Content-Security-Policy without 'unsafe-eval': it compiles no code at run time", () => {
    expect(code).not.toMatch(/\bnew Function\b|\beval\(/);
    expect(code).toContain('jitless:!0');
  });
});
