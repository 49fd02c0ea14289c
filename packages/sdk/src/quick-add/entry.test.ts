import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BROWSER_BUILD } from '../../scripts/browser-build.mjs';

// The page loads quick add only when it is first used, so chrono-node must stay out of what it
// loads first: the SDK's main entry and its browser bundle.
const root = fileURLToPath(new URL('../..', import.meta.url));

async function inputsOf(entry: string): Promise<string[]> {
  const built = await esbuild.build({
    ...BROWSER_BUILD,
    entryPoints: [`${root}${entry}`],
    absWorkingDir: root,
    write: false,
    metafile: true,
  });
  return Object.keys(built.metafile.inputs);
}

describe('the quick-add entry', () => {
  it.each(['src/index.ts', 'src/browser.ts'])('is not in what %s bundles', async (entry) => {
    const inputs = await inputsOf(entry);
    expect(inputs.some((input) => input.includes('src/index.ts') || input.includes('src/browser.ts'))).toBe(
      true,
    );
    expect(inputs.filter((input) => /chrono-node|quick-add/.test(input))).toEqual([]);
  });

  it('carries chrono-node itself', async () => {
    expect((await inputsOf('src/quick-add/index.ts')).some((input) => input.includes('chrono-node'))).toBe(
      true,
    );
  });
});
