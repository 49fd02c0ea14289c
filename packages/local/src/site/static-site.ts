import { readFileSync, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers the deployed site's CloudFront response-headers policy sets, kept alike locally. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

/** For a folder with no page: the landing page needs nothing but its own HTML. */
const NO_PAGE_POLICY = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// The page may call any local gateway: `npm start` on another port, or 127.0.0.1 for localhost.
const LOCAL_CONNECT_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

// Shown at `/` until the web page exists in site/, so `npm start` still says where things are.
const LANDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>todolist local gateway</title></head>
<body><h1>todolist local gateway</h1>
<p>The API is at <a href="/v1/todos">/v1/todos</a>; its OpenAPI document at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
</body></html>
`;

/** Where the page loads the SDK from: the deployment uploads the browser bundle to the same path. */
export const SDK_BUNDLE_PATH = '/vendor/todolist-sdk.min.js';
/**
 * The SDK's second browser file, beside the first: the changes feed, live pushes and the synced
 * store, which the first file imports on demand (`./todolist-sdk-sync.min.js`).
 */
export const SDK_SYNC_BUNDLE_PATH = '/vendor/todolist-sdk-sync.min.js';
/** The SDK's third browser file: quick add with its date parser, which the page imports when a todo is first typed. */
export const SDK_QUICK_ADD_BUNDLE_PATH = '/vendor/todolist-sdk-quick-add.min.js';
const SDK_BUNDLE_FILES = new Set(
  [SDK_BUNDLE_PATH, SDK_SYNC_BUNDLE_PATH, SDK_QUICK_ADD_BUNDLE_PATH].flatMap((path) => [path, `${path}.map`]),
);

/**
 * The SDK's dist/browser folder, found through the package (a workspace link in the repository,
 * node_modules elsewhere), so the gateway serves whichever SDK it was installed with.
 */
export function sdkBrowserDir(): string {
  const manifest = createRequire(import.meta.url).resolve('@todolist/sdk/package.json');
  return join(dirname(manifest), 'dist', 'browser');
}

/** An answer of the site: its body and type, under the page's policy. */
interface SiteAnswer {
  status: number;
  type: string;
  body: string | Buffer;
}

function send(response: ServerResponse, answer: SiteAnswer, head: boolean, policy: string): void {
  response.writeHead(answer.status, {
    'Content-Type': answer.type,
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': policy,
    ...SECURITY_HEADERS,
  });
  response.end(head ? undefined : answer.body);
}

const TEXT = 'text/plain; charset=utf-8';
const NOT_FOUND: SiteAnswer = { status: 404, type: TEXT, body: 'Not found\n' };
const LANDING: SiteAnswer = { status: 200, type: 'text/html; charset=utf-8', body: LANDING_PAGE };

/** The page a site folder holds: its real path, the entries its page.json names, and its policy. */
export interface SitePage {
  root: string;
  /** Files (`index.html`) and folders taken whole (`js`), relative to the root. */
  entries: readonly string[];
  /** page.json's Content-Security-Policy, `connect-src` allowing the local gateways. */
  contentSecurityPolicy: string;
}

/**
 * The page in `siteDir`, as its `page.json` describes it (the same list the deployment uploads);
 * undefined when the folder has no page.json, and then only the landing page is served. Read
 * once, at start.
 */
export function loadSitePage(siteDir: string): SitePage | undefined {
  let manifest: { entries?: unknown; contentSecurityPolicy?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(siteDir, 'page.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${join(siteDir, 'page.json')} is not readable JSON: ${(error as Error).message}`);
  }
  const { entries, contentSecurityPolicy: directives = [] } = manifest;
  const strings = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
  if (!strings(entries) || !strings(directives))
    throw new Error(
      `${join(siteDir, 'page.json')} must list the page's files and folders as "entries", and its "contentSecurityPolicy" directives`,
    );
  // The same policy the deployment sends (site/deploy/prepare-upload.mjs), for the local origins.
  const contentSecurityPolicy = directives
    .map((directive) =>
      directive.startsWith('connect-src ') ? [directive, ...LOCAL_CONNECT_ORIGINS].join(' ') : directive,
    )
    .join('; ');
  return { root: realpathSync(siteDir), entries, contentSecurityPolicy };
}

/**
 * The file `pathname` names, when it is one of the page's own: under one of its entries, no
 * part of it hidden (a dotfile or dot-folder), and its real path (symbolic links followed)
 * still inside the site folder. Anything else in the folder (package.json, README.md, tests,
 * .turbo/) is not the page and is never served.
 */
async function pageFile(page: SitePage, pathname: string): Promise<string | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  const parts = relative.split('/').filter(Boolean);
  if (relative.includes('\0') || parts.some((part) => part.startsWith('.') || part.includes('\\')))
    return undefined;
  const [first = ''] = parts;
  const entry = page.entries.find((name) => name === first);
  if (!entry) return undefined;
  // A file entry is served only as itself; a folder entry only for what is inside it.
  const folderEntry = await isFolder(join(page.root, entry));
  if (folderEntry ? parts.length < 2 : parts.length !== 1) return undefined;
  const file = await realpath(join(page.root, ...parts)).catch(() => undefined);
  if (!file?.startsWith(page.root + sep)) return undefined;
  return (await stat(file)).isFile() ? file : undefined;
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * Serves the page's own files (see {@link pageFile}), and `config.json` telling the page where
 * the API is. With no page, `/` is a landing page that says where the API is.
 */
export async function serveSite(
  page: SitePage | undefined,
  pathname: string,
  siteConfig: Record<string, unknown>,
  response: ServerResponse,
  head: boolean,
): Promise<void> {
  const policy = page?.contentSecurityPolicy ?? NO_PAGE_POLICY;
  send(response, await siteAnswer(page, pathname, siteConfig), head, policy);
}

async function siteAnswer(
  page: SitePage | undefined,
  pathname: string,
  siteConfig: Record<string, unknown>,
): Promise<SiteAnswer> {
  if (pathname === '/config.json')
    return { status: 200, type: 'application/json', body: JSON.stringify(siteConfig) };
  if (SDK_BUNDLE_FILES.has(pathname)) return sdkBundleAnswer(pathname);
  const file = page && (await pageFile(page, pathname));
  if (!file) return pathname === '/' ? LANDING : NOT_FOUND;
  return { status: 200, type: contentType(file), body: await readFile(file) };
}

const contentType = (file: string) => CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';

/** {@link SDK_BUNDLE_PATH}, {@link SDK_SYNC_BUNDLE_PATH}, {@link SDK_QUICK_ADD_BUNDLE_PATH} or their source maps from `browserDir`, or a 404 that says how to build it. */
export async function sdkBundleAnswer(pathname: string, browserDir = sdkBrowserDir()): Promise<SiteAnswer> {
  const file = join(browserDir, pathname.slice('/vendor/'.length));
  const body = await readFile(file).catch(() => undefined);
  if (!body) {
    const message = `The SDK's browser bundle is not built (no ${file}): run \`npm run build -w @todolist/sdk\`, then reload.\n`;
    return { status: 404, type: TEXT, body: message };
  }
  return { status: 200, type: contentType(file), body };
}
