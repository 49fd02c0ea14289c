import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/** The SDK package's folder. */
export const sdkDir = fileURLToPath(new URL('../..', import.meta.url));

/** The repository's root, where the shared tools (tsc, attw, publint) are installed. */
export const repoRoot = join(sdkDir, '../..');

/** Builds the SDK unless dist/ is there already (turbo builds it before the tests in CI). */
export async function ensureBuilt(): Promise<void> {
  const outputs = ['dist/esm/index.js', 'dist/cjs/index.cjs', 'dist/browser/todolist-sdk.min.js'];
  if (outputs.every((file) => existsSync(join(sdkDir, file)))) return;
  await run(process.execPath, [join(sdkDir, 'scripts/build.mjs')], { cwd: sdkDir });
}

/** Packs the SDK as `npm publish` would, into a fresh folder; answers the tarball's path. */
export async function packSdk(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'todolist-sdk-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', folder], { cwd: sdkDir });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return join(folder, filename);
}

/**
 * Installs the tarball into an empty project, from npm's cache only (its one dependency, zod,
 * is there since the repository's own install), so the test needs no network.
 */
export async function installInEmptyProject(tarball: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'todolist-sdk-consumer-'));
  await run('npm', ['init', '--yes'], { cwd: project });
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project });
  return project;
}
