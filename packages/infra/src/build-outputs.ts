import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteName } from '@todolist/sdk/contract';
import { preparePageUpload } from '@todolist/site/deploy';

/** What the other packages build and this app deploys. */
export interface BuildOutputs {
  /** The folder of a route's Lambda bundle (`index.mjs`), from `npm run build -w @todolist/handlers`. */
  lambdaBundle(route: RouteName): string;
  /** The SDK's browser bundle, from `npm run build -w @todolist/sdk`. */
  readonly sdkBrowserBundle: string;
  /** The page as it is uploaded: site/'s index.html, css/ and js/, minified, in a folder made at synthesis. */
  readonly pageUpload: string;
}

/** Thrown when a build output the app deploys is missing; the message names the command that makes it. */
export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
}

const infraRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A workspace package's folder, found as Node finds it: in the nearest node_modules that has it. */
function workspacePackage(name: string): string {
  for (let dir = infraRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir)
      throw new MissingBuildError(`${name} is not installed: run npm install at the repository root`);
  }
}

function required(path: string, what: string, command: string): string {
  if (!existsSync(path))
    throw new MissingBuildError(`${what} is missing (${path}): run \`${command}\` first`);
  return path;
}

/** A new folder for this synthesis (CDK copies assets into its output), removed when the process ends. */
function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** The build outputs under the given package folders, each checked to exist when asked for. */
export function buildOutputsIn(folders: { handlers: string; sdk: string; site: string }): BuildOutputs {
  let pageUpload: string | undefined;
  return {
    lambdaBundle: (route) => {
      const dir = join(folders.handlers, 'dist', 'lambda', route);
      required(
        join(dir, 'index.mjs'),
        `the Lambda bundle of route ${route}`,
        'npm run build -w @todolist/handlers',
      );
      return dir;
    },
    get sdkBrowserBundle() {
      return required(
        join(folders.sdk, 'dist', 'browser', 'todolist-sdk.min.js'),
        "the SDK's browser bundle",
        'npm run build -w @todolist/sdk',
      );
    },
    get pageUpload() {
      required(join(folders.site, 'index.html'), 'the page (site/index.html)', 'git checkout site');
      pageUpload ??= preparePageUpload(temporaryFolder('todolist-page-'), { siteDir: folders.site });
      return pageUpload;
    },
  };
}

/** The build outputs in this repository's workspaces. */
export function workspaceBuildOutputs(): BuildOutputs {
  const handlers = workspacePackage('@todolist/handlers');
  return buildOutputsIn({
    handlers,
    sdk: workspacePackage('@todolist/sdk'),
    site: join(dirname(dirname(handlers)), 'site'),
  });
}
