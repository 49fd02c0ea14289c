import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleName, lambdaBundleDir } from '@todolist/handlers/bundles';
import { PAGE_ENTRIES, preparePageUpload } from '@todolist/site/deploy';

/** What the other packages build and this app deploys. */
export interface BuildOutputs {
  /**
   * The folder of a route's, a Cognito trigger's or a live handler's Lambda bundle
   * (`index.mjs`), from `npm run build -w @todolist/handlers`.
   */
  lambdaBundle(name: BundleName): string;
  /**
   * The SDK's browser files, from `npm run build -w @todolist/sdk`: the bundle the page loads
   * first, then the file it imports on demand (the changes feed, live pushes, the synced store),
   * each with its source map beside it (`<file>.map`).
   */
  readonly sdkBrowserFiles: readonly string[];
  /** The page as it is uploaded: site/'s index.html, css/ and js/, minified, in a folder shared by syntheses of the same page. */
  readonly pageUpload: string;
}

/** Thrown when a build output the app deploys is missing; the message names the command that makes it. */
export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
}

/** The files of the SDK's dist/browser the page loads (the SDK's scripts/browser-build.mjs names them). */
const SDK_BROWSER_FILES = [
  'todolist-sdk.min.js',
  'todolist-sdk-sync.min.js',
  'todolist-sdk-quick-add.min.js',
];

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

/** The script that minifies the page, and the esbuild it minifies with (its version): both shape the upload. */
function pageTools(): Record<string, string> {
  const script = createRequire(import.meta.url).resolve('@todolist/site/deploy');
  return {
    'prepare-upload.mjs': script,
    'esbuild/package.json': createRequire(script).resolve('esbuild/package.json'),
  };
}

/** The files `preparePageUpload` reads from `siteDir`, relative to it, in a stable order. */
function pageFiles(siteDir: string): string[] {
  const walk = (relative: string): string[] =>
    readdirSync(join(siteDir, relative), { withFileTypes: true })
      .map((entry) => ({ entry, path: join(relative, entry.name) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .flatMap(({ entry, path }) => (entry.isDirectory() ? walk(path) : [path]));
  return PAGE_ENTRIES.flatMap((entry) => (entry.includes('.') ? [entry] : walk(entry)));
}

/** A hash of what the upload is made from: the page's files (by name and content) and the tools. */
function pageHash(siteDir: string): string {
  const hash = createHash('sha256');
  const add = (name: string, file: string) =>
    hash.update(`${name}\0`).update(readFileSync(file)).update('\0');
  for (const [name, file] of Object.entries(pageTools())) add(name, file);
  for (const file of pageFiles(siteDir)) add(file, join(siteDir, file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The minified page of `siteDir`, in `<tmpdir>/todolist-page-<hash of its sources>`. CDK copies an
 * asset into its output folder when the app synthesizes, after the constructs are built, so the
 * folder must outlive the constructs: it is kept, and every synthesis of the same page (test
 * workers in parallel, `cdk synth` again) reuses it instead of leaving a folder of its own. It is
 * written into a fresh folder then renamed into place, so it is whole whenever it exists; when
 * another process renames first, theirs is kept.
 */
function pageUploadFolder(siteDir: string): string {
  const folder = join(tmpdir(), `todolist-page-${pageHash(siteDir)}`);
  // A folder is whole when renamed into place; one a temp cleaner has since emptied in part is made again.
  if (existsSync(folder)) {
    if (pageFiles(siteDir).every((file) => existsSync(join(folder, file)))) return folder;
    rmSync(folder, { recursive: true, force: true });
  }
  const building = mkdtempSync(`${folder}-building-`);
  try {
    preparePageUpload(building, { siteDir });
    renameSync(building, folder);
  } catch (error) {
    if (!existsSync(folder)) throw error;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return folder;
}

/** The build outputs under the given package folders, each checked to exist when asked for. */
export function buildOutputsIn(folders: { handlers: string; sdk: string; site: string }): BuildOutputs {
  let pageUpload: string | undefined;
  return {
    lambdaBundle: (name) => {
      const dir = lambdaBundleDir(name, folders.handlers);
      required(join(dir, 'index.mjs'), `the Lambda bundle of ${name}`, 'npm run build -w @todolist/handlers');
      return dir;
    },
    get sdkBrowserFiles() {
      return SDK_BROWSER_FILES.map((name) =>
        required(
          join(folders.sdk, 'dist', 'browser', name),
          `the SDK's browser file ${name}`,
          'npm run build -w @todolist/sdk',
        ),
      );
    },
    get pageUpload() {
      required(join(folders.site, 'index.html'), 'the page (site/index.html)', 'git checkout site');
      pageUpload ??= pageUploadFolder(folders.site);
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
