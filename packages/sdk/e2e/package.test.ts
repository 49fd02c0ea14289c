import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signInLocally } from '@todolist/local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';
import { ensureBuilt, installInEmptyProject, packSdk, repoRoot, run, sdkDir } from './support/packed-sdk.js';

// What `npm install @todolist/sdk` gives another app: the packed tarball, checked by publint and
// attw, installed into an empty project, used from TypeScript, ESM and CommonJS against the
// real local gateway.

let tarball: string;
let project: string;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
/** A signed-in person's access token, given to each script after the API's URL. */
let token: string;

beforeAll(async () => {
  await ensureBuilt();
  tarball = await packSdk();
  [project, gateway] = await Promise.all([installInEmptyProject(tarball), startTestGateway()]);
  token = (await signInLocally(gateway.url, 'package@example.com')).accessToken;
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await Promise.all(
    [project, tarball && join(tarball, '..')]
      .filter(Boolean)
      .map((dir) => rm(dir as string, { recursive: true, force: true })),
  );
});

/** A call to the test's gateway as the signed-in person. */
function fetchAs(accessToken: string, path: string): Promise<Response> {
  return fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
}

describe('the published package', () => {
  it('passes publint', async () => {
    const { stdout } = await run(join(repoRoot, 'node_modules/.bin/publint'), ['--strict'], { cwd: sdkDir });
    expect(stdout).toContain('All good');
  });

  it('passes attw: types resolve for ESM and CommonJS consumers under node16 and bundler resolution', async () => {
    // `./browser`, `./browser/sync` and `./browser/quick-add` are ES modules for <script type="module">, ESM-only by
    // design; node10 resolution predates `exports` and this package needs Node 22 or newer.
    // attw exits non-zero when the profile finds a problem; its JSON lists the ignored ones too.
    const { stdout } = await run(
      join(repoRoot, 'node_modules/.bin/attw'),
      [
        tarball,
        '--profile',
        'node16',
        '--exclude-entrypoints',
        './browser',
        './browser/sync',
        './browser/quick-add',
        '--format',
        'json',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as { analysis: { problems: { resolutionKind?: string }[] } };
    expect(report.analysis.problems.filter((problem) => problem.resolutionKind !== 'node10')).toEqual([]);
  });

  it('type-checks a TypeScript app that uses it, as ESM and as CommonJS', async () => {
    await writeFile(
      join(project, 'app.mts'),
      `import { createClient, NotFoundError, type Todo, type TodoCreate } from '@todolist/sdk';
import { MAX_TITLE_LENGTH, TodoCreate as TodoCreateSchema } from '@todolist/sdk/contract';
import { createSyncedStore, type SyncedStore } from '@todolist/sdk/sync';
import { parseQuickAdd, toTodoCreate, type QuickAddParse } from '@todolist/sdk/quick-add';
export const parsed: QuickAddParse = parseQuickAdd('Milk tomorrow #home', { timeZone: 'Europe/Paris' });
export const fromQuickAdd: TodoCreate = toTodoCreate(parsed);
const client = createClient({ baseUrl: 'http://localhost:3000', retry: { limit: 2 } });
const input: TodoCreate = { title: 'x'.repeat(MAX_TITLE_LENGTH), tags: ['home'] };
TodoCreateSchema.parse(input);
export const store: SyncedStore = createSyncedStore(client, { onError: (error: unknown) => console.warn(error) });
export async function titles(): Promise<string[]> {
  const todo: Todo = await client.todos.create(input);
  try { await client.todos.get(todo.id); } catch (error) { if (error instanceof NotFoundError) return [error.requestId ?? '']; }
  const out: string[] = [];
  for await (const item of client.todos.iterate({ status: 'open' })) out.push(item.title);
  return out;
}
`,
    );
    await writeFile(
      join(project, 'app.cts'),
      `import sdk = require('@todolist/sdk');
const client: sdk.TodolistClient = sdk.createClient({ baseUrl: 'http://localhost:3000' });
export const pending: Promise<sdk.Todo> = client.todos.complete('01KMZ7X3Q4V8N2B6C9D1E5F7G0', { ifMatch: 1 });
import sync = require('@todolist/sdk/sync');
export const store: sync.SyncedStore = sync.createSyncedStore(client);
import quickAdd = require('@todolist/sdk/quick-add');
export const parsed: quickAdd.QuickAddParse = quickAdd.parseQuickAdd('Milk p1', { timeZone: 'UTC' });
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ['es2023', 'dom'],
          types: [],
        },
        files: ['app.mts', 'app.cts'],
      }),
    );
    const result = await run(process.execPath, [
      join(repoRoot, 'node_modules/typescript/bin/tsc'),
      '-p',
      project,
    ]).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe('');
  });

  it('talks to the local gateway from an ES module script', async () => {
    await writeFile(
      join(project, 'run.mjs'),
      `import { createClient } from '@todolist/sdk';
const client = createClient({ baseUrl: process.argv[2], auth: process.argv[3] });
const todo = await client.todos.create({ title: 'From a packed SDK' });
const page = await client.todos.list();
console.log(JSON.stringify({ created: todo.title, listed: page.items.map((t) => t.id).includes(todo.id) }));
`,
    );
    const { stdout } = await run(process.execPath, ['run.mjs', gateway.url, token], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ created: 'From a packed SDK', listed: true });
  });

  it("runs the README's quick example as written, with the token in TODO_TOKEN", async () => {
    const readme = await readFile(join(sdkDir, 'README.md'), 'utf8');
    const example = /## Quick example\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain("from '@todolist/sdk'");
    // Only the address differs: the test's gateway listens on a port of its own.
    await writeFile(join(project, 'app.mjs'), example.replaceAll('http://localhost:3000', gateway.url));
    const { stdout } = await run(process.execPath, ['app.mjs'], {
      cwd: project,
      env: { ...process.env, TODO_TOKEN: token },
    });
    expect(stdout).toContain('gone');
    const titles = (await (await fetchAs(token, '/v1/todos?status=all&limit=100')).json()) as {
      items: { title: string; completed: boolean }[];
    };
    expect(titles.items).toContainEqual(expect.objectContaining({ title: 'Buy milk', completed: true }));
  });

  it("runs the README's lists example as written", async () => {
    const readme = await readFile(join(sdkDir, 'README.md'), 'utf8');
    const example = /## Lists and sharing[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain('client.lists.create');
    await writeFile(join(project, 'lists.mjs'), example.replaceAll('http://localhost:3000', gateway.url));
    const { stdout } = await run(process.execPath, ['lists.mjs'], {
      cwd: project,
      env: { ...process.env, TODO_TOKEN: token },
    });
    expect(stdout.trim().split('\n')).toEqual(['Bread, Milk', 'sam@example.com invited']);
  });

  it("runs the README's synced store example as written: a todo made is in the store", async () => {
    const readme = await readFile(join(sdkDir, 'README.md'), 'utf8');
    const example = /## Staying in step[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain("from '@todolist/sdk/sync'");
    await writeFile(join(project, 'sync.mjs'), example.replaceAll('http://localhost:3000', gateway.url));
    const { stdout, stderr } = await run(process.execPath, ['sync.mjs'], {
      cwd: project,
      env: { ...process.env, TODO_TOKEN: token },
    });
    expect(stdout.trim()).toMatch(/^Call the plumber is in the store; the Inbox has \d+ open$/);
    expect(stderr).toBe('');
  });

  it("runs the README's quick add example as written, offline", async () => {
    const readme = await readFile(join(sdkDir, 'README.md'), 'utf8');
    const example = /## Quick add[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(example).toContain("from '@todolist/sdk/quick-add'");
    await writeFile(join(project, 'quick-add.mjs'), example);
    const { stdout } = await run(process.execPath, ['quick-add.mjs'], { cwd: project });
    // Each line is what the example's comments say it prints.
    expect(stdout.trim().split('\n')).toEqual([
      "Pay rent 2027-01-01 high [ 'home' ] flat",
      'FREQ=MONTHLY;BYMONTHDAY=1',
      'recurrence 9: every month on the 1st | priority 32: p1 | tag 35: #home | list 41: @flat | notes 47: // by transfer',
      '{"title":"Pay rent","dueDate":"2027-01-01","recurrence":{"rrule":"FREQ=MONTHLY;BYMONTHDAY=1","fromCompletion":false,"timeZone":"Europe/Paris"},"priority":"high","tags":["home"],"notes":"by transfer"}',
    ]);
    for (const line of stdout.trim().split('\n')) expect(example).toContain(`// ${line}`);
  });

  it('parses quick add from CommonJS as from ESM', async () => {
    await writeFile(
      join(project, 'quick-add.cjs'),
      `const { parseQuickAdd } = require('@todolist/sdk/quick-add');
(async () => {
  const esm = await import('@todolist/sdk/quick-add');
  const options = { now: new Date('2026-12-02T10:00:00Z'), timeZone: 'Europe/Paris' };
  const text = 'Gym every mon, thu 7am #health @"Big shop"';
  console.log(JSON.stringify({ cjs: parseQuickAdd(text, options), same: JSON.stringify(esm.parseQuickAdd(text, options)) === JSON.stringify(parseQuickAdd(text, options)) }));
})();
`,
    );
    const { stdout } = await run(process.execPath, ['quick-add.cjs'], { cwd: project });
    expect(JSON.parse(stdout)).toMatchObject({
      cjs: {
        title: 'Gym',
        due: '2026-12-03',
        dueTime: '07:00',
        tags: ['health'],
        list: 'Big shop',
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', fromCompletion: false, timeZone: 'Europe/Paris' },
      },
      same: true,
    });
  });

  it('works from CommonJS, and its errors are instanceof across the ESM and CommonJS copies', async () => {
    await writeFile(
      join(project, 'run.cjs'),
      `const { createClient, NotFoundError } = require('@todolist/sdk');
const { routes } = require('@todolist/sdk/contract');
(async () => {
  const esm = await import('@todolist/sdk');
  const client = createClient({ baseUrl: process.argv[2], auth: process.argv[3] });
  const error = await client.todos.get('01KMZ7X3Q4V8N2B6C9D1E5F7G0').catch((e) => e);
  console.log(JSON.stringify({
    route: routes.getTodo.path,
    cjs: error instanceof NotFoundError,
    esm: error instanceof esm.NotFoundError && error instanceof esm.TodoSdkError,
    separateCopies: NotFoundError !== esm.NotFoundError,
    status: error.status,
  }));
})();
`,
    );
    const { stdout } = await run(process.execPath, ['run.cjs', gateway.url, token], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      route: '/v1/todos/{id}',
      cjs: true,
      esm: true,
      separateCopies: true,
      status: 404,
    });
  });

  it('ships the browser bundle as one self-contained ES module', async () => {
    const bundle = await readFile(
      join(project, 'node_modules/@todolist/sdk/dist/browser/todolist-sdk.min.js'),
      'utf8',
    );
    expect(bundle).not.toMatch(/\bfrom\s*["'](ky|zod)/);
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { createClient } = await import(${JSON.stringify(join(project, 'node_modules/@todolist/sdk/dist/browser/todolist-sdk.min.js'))});
const client = createClient({ baseUrl: process.argv[1], auth: process.argv[2] });
const todo = await client.todos.create({ title: 'From the browser bundle' });
console.log(todo.title);`,
        gateway.url,
        token,
      ],
      { cwd: project },
    );
    expect(stdout.trim()).toBe('From the browser bundle');
  });

  it('ships beside it the quick-add file, which takes the contract from it and reads a line', async () => {
    const browser = join(project, 'node_modules/@todolist/sdk/dist/browser');
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { parseQuickAdd, toTodoCreate } = await import(${JSON.stringify(join(browser, 'todolist-sdk-quick-add.min.js'))});
const parse = parseQuickAdd('Pay rent dec 24 p1 #home', { timeZone: 'Europe/Paris', now: new Date('2026-12-03T10:00:00Z') });
console.log(JSON.stringify(toTodoCreate(parse)));`,
      ],
      { cwd: project },
    );
    expect(JSON.parse(stdout)).toEqual({
      title: 'Pay rent',
      dueDate: '2026-12-24',
      priority: 'high',
      tags: ['home'],
    });
  });

  it('ships beside it the file it loads on demand, which takes the client from it and keeps a store in step', async () => {
    const browser = join(project, 'node_modules/@todolist/sdk/dist/browser');
    const sync = await readFile(join(browser, 'todolist-sdk-sync.min.js'), 'utf8');
    expect(sync).not.toMatch(/\bfrom\s*["'](ky|zod)/);
    expect([...sync.matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((found) => found[1])).toEqual(
      expect.arrayContaining(['./todolist-sdk.min.js']),
    );
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { createClient } = await import(${JSON.stringify(join(browser, 'todolist-sdk.min.js'))});
const { createSyncedStore } = await import(${JSON.stringify(join(browser, 'todolist-sdk-sync.min.js'))});
const client = createClient({ baseUrl: process.argv[1], auth: process.argv[2] });
const store = createSyncedStore(client);
await store.start();
const seen = new Promise((resolve) => store.subscribe(({ todos }) => todos.upserted.some((t) => t.title === 'Live in the browser bundle') && resolve()));
await client.todos.create({ title: 'Live in the browser bundle' });
await seen;
await store.stop();
console.log(store.snapshot().todos.some((t) => t.title === 'Live in the browser bundle'));`,
        gateway.url,
        token,
      ],
      { cwd: project },
    );
    expect(stdout.trim()).toBe('true');
  });
});
