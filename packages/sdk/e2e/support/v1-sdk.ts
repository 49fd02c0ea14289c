import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/** The repository's root. */
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * The last commit before lists (issue 17): its SDK is what a v1 client in the field runs. The
 * test builds that SDK from the repository's history, so a clone needs its history (CI clones
 * whole); a clone without it fails here saying so, rather than passing without the old client.
 */
export const V1_COMMIT = 'b6cb53d';

/** The SDK as it was at {@link V1_COMMIT}, built from its sources and imported. */
export async function importV1Sdk(): Promise<typeof import('@todolist/sdk')> {
  try {
    execFileSync('git', ['-C', ROOT, 'cat-file', '-e', `${V1_COMMIT}^{commit}`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `commit ${V1_COMMIT} is not in this clone: the v1 client test needs the history (git fetch --unshallow)`,
    );
  }
  const folder = mkdtempSync(join(tmpdir(), 'todolist-v1-sdk-'));
  const archive = execFileSync('git', ['-C', ROOT, 'archive', V1_COMMIT, 'packages/sdk/src']);
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  const outfile = join(folder, 'v1-sdk.mjs');
  await esbuild.build({
    entryPoints: [join(folder, 'packages/sdk/src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The old sources' own dependencies (ky, zod) come from today's node_modules: the same versions.
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  return import(/* @vite-ignore */ pathToFileURL(outfile).href);
}
