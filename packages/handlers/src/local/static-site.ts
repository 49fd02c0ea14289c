import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';

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
export const SITE_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' http://localhost:* http://127.0.0.1:*; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

// Shown at `/` until the web page exists in site/, so `npm start` still says where things are.
const LANDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>todolist local gateway</title></head>
<body><h1>todolist local gateway</h1>
<p>The API is at <a href="/v1/todos">/v1/todos</a>; its OpenAPI document at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
</body></html>
`;

/** Where the page loads the SDK from: the deployment uploads the browser bundle to the same path. */
export const SDK_BUNDLE_PATH = '/vendor/todolist-sdk.min.js';
const SDK_BUNDLE_FILES = new Set([SDK_BUNDLE_PATH, `${SDK_BUNDLE_PATH}.map`]);

/**
 * The SDK's dist/browser folder, found through the package (a workspace link in the repository,
 * node_modules elsewhere), so the gateway serves whichever SDK it was installed with.
 */
export function sdkBrowserDir(): string {
  const manifest = createRequire(import.meta.url).resolve('@todolist/sdk/package.json');
  return join(dirname(manifest), 'dist', 'browser');
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  head: boolean,
): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...SITE_SECURITY_HEADERS });
  response.end(head ? undefined : body);
}

/**
 * Serves the static page from `siteDir`, and `config.json` telling the page where the API is.
 * Paths outside the folder are never served.
 */
export async function serveSite(
  siteDir: string,
  pathname: string,
  siteConfig: Record<string, unknown>,
  response: ServerResponse,
  head: boolean,
): Promise<void> {
  if (pathname === '/config.json') {
    return send(response, 200, CONTENT_TYPES['.json'] as string, JSON.stringify(siteConfig), head);
  }
  if (SDK_BUNDLE_FILES.has(pathname)) return serveSdkBundle(pathname, response, head);
  if (!siteDir) {
    if (pathname === '/') return send(response, 200, CONTENT_TYPES['.html'] as string, LANDING_PAGE, head);
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
  }
  const root = resolve(siteDir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
  }
  const file = resolve(join(root, relative));
  if (!file.startsWith(root + sep) || relative.includes('\0')) {
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
  }
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) {
    if (pathname === '/') return send(response, 200, CONTENT_TYPES['.html'] as string, LANDING_PAGE, head);
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  send(response, 200, type, await readFile(file), head);
}

/** Answers {@link SDK_BUNDLE_PATH} or its source map from `browserDir`, or a 404 that says how to build it. */
export async function serveSdkBundle(
  pathname: string,
  response: ServerResponse,
  head: boolean,
  browserDir = sdkBrowserDir(),
): Promise<void> {
  const file = join(browserDir, pathname.slice('/vendor/'.length));
  const body = await readFile(file).catch(() => undefined);
  if (!body) {
    const message = `The SDK's browser bundle is not built (no ${file}): run \`npm run build -w @todolist/sdk\`, then reload.\n`;
    return send(response, 404, 'text/plain; charset=utf-8', message, head);
  }
  send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body, head);
}
