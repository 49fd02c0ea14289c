import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
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
  return join(folder, await pack(sdkDir, folder));
}

/**
 * Installs the tarball into an empty project with no registry and an empty npm cache, as on a
 * fresh machine: `npm ci` caches no registry metadata, so `--offline` alone would fail there
 * with ENOTCACHED for the SDK's dependencies. Each dependency (and theirs) is packed from the
 * repository's node_modules beside the SDK, and every tarball is installed at once.
 */
export async function installInEmptyProject(tarball: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), 'todolist-sdk-consumer-'));
  const folder = dirname(tarball);
  const dependencies = await Promise.all(
    [...(await installedDependencies(sdkDir))].map(async (dir) => join(folder, await pack(dir, folder))),
  );
  const env = { ...process.env, npm_config_cache: join(project, '.npm-cache') };
  await run('npm', ['init', '--yes'], { cwd: project, env });
  await run(
    'npm',
    ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball, ...dependencies],
    {
      cwd: project,
      env,
    },
  );
  return project;
}

/** Packs the package in `dir` into `folder` (its scripts not run: the installed copy is built); answers the file's name. */
async function pack(dir: string, folder: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
    cwd: dir,
  });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return basename(filename);
}

/** The installed folders of the package's run-time dependencies, and of theirs. */
async function installedDependencies(dir: string, found = new Set<string>()): Promise<Set<string>> {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const installed = installedFolder(name, dir);
    if (found.has(installed)) continue;
    found.add(installed);
    await installedDependencies(installed, found);
  }
  return found;
}

/** Where Node would find `name` from `dir`: the nearest node_modules above it that holds it. */
function installedFolder(name: string, dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(at) === at) throw new Error(`${name} is not installed above ${dir}: run npm ci`);
  }
}
