import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawHttpClient } from '../../test/support/raw-http-client.js';
import {
  loadSitePage,
  SDK_BUNDLE_PATH,
  SDK_QUICK_ADD_BUNDLE_PATH,
  SDK_SYNC_BUNDLE_PATH,
  type SitePage,
  sdkBrowserDir,
  sdkBundleAnswer,
  serveSite,
} from './static-site.js';

let server: Server;
let base: string;
// The repository's own page, as `npm start` serves it.
const page = loadSitePage(join(import.meta.dirname, '../../../../site')) as SitePage;
// A folder with no bundle in it, standing in for an SDK that was never built.
const UNBUILT = join(import.meta.dirname, 'no-such-dist');

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site.local');
    const head = request.method === 'HEAD';
    void serveSite(page, url.pathname, { apiUrl: 'http://api.local' }, response, head);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the SDK bundle at /vendor', () => {
  it('is the SDK package’s browser bundle, as JavaScript, with the page’s security headers', async () => {
    const response = await fetch(`${base}${SDK_BUNDLE_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // site/page.json's policy, the one the deployment sends too, for the local gateways' origins.
    expect(response.headers.get('content-security-policy')).toBe(page.contentSecurityPolicy);
    expect(page.contentSecurityPolicy).toContain("script-src 'self';");
    expect(page.contentSecurityPolicy).toContain("connect-src 'self' http://localhost:* http://127.0.0.1:*;");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(await readFile(join(sdkBrowserDir(), 'todolist-sdk.min.js')))).toBe(true);
  });

  it('serves its source map beside it', async () => {
    const response = await fetch(`${base}${SDK_BUNDLE_PATH}.map`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect((await response.json()) as { version: number }).toMatchObject({ version: 3 });
  });

  it('serves the second file beside it, the one the bundle imports for the changes feed and live pushes', async () => {
    // The bundle imports it by a relative path: it must be where the page finds the bundle.
    const bundle = await (await fetch(`${base}${SDK_BUNDLE_PATH}`)).text();
    expect(bundle).toContain('./todolist-sdk-sync.min.js');
    const response = await fetch(`${base}${SDK_SYNC_BUNDLE_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(page.contentSecurityPolicy);
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(await readFile(join(sdkBrowserDir(), 'todolist-sdk-sync.min.js')))).toBe(true);
    const map = await fetch(`${base}${SDK_SYNC_BUNDLE_PATH}.map`);
    expect((await map.json()) as { version: number }).toMatchObject({ version: 3 });
  });

  it('serves the quick-add file beside it, which the page imports when a todo is first typed', async () => {
    const response = await fetch(`${base}${SDK_QUICK_ADD_BUNDLE_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(await readFile(join(sdkBrowserDir(), 'todolist-sdk-quick-add.min.js')))).toBe(true);
    // It takes the contract from the bundle by a relative path: the two must sit side by side.
    expect(served.toString()).toContain('./todolist-sdk.min.js');
    const map = await fetch(`${base}${SDK_QUICK_ADD_BUNDLE_PATH}.map`);
    expect((await map.json()) as { version: number }).toMatchObject({ version: 3 });
  });

  it('answers 404 saying how to build it when the SDK is not built', async () => {
    for (const path of [SDK_BUNDLE_PATH, SDK_SYNC_BUNDLE_PATH, SDK_QUICK_ADD_BUNDLE_PATH]) {
      const answer = await sdkBundleAnswer(path, UNBUILT);
      expect(answer.status).toBe(404);
      expect(String(answer.body)).toContain('npm run build -w @todolist/sdk');
    }
  });

  it('serves nothing else from the SDK package', async () => {
    // Sent byte for byte: fetch() would resolve `..` before sending, hiding the case.
    const raw = createRawHttpClient(base);
    try {
      for (const path of [
        '/vendor/todolist-sdk.min.js.gz',
        '/vendor/todolist-sdk-sync.js',
        '/vendor/../package.json',
        '/vendor/',
      ]) {
        expect((await raw.send({ method: 'GET', target: path })).status).toBe(404);
      }
    } finally {
      raw.close();
    }
  });
});
