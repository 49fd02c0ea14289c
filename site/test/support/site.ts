import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalStack, signInLocally, startLocalStack } from '@todolist/local/testing';
import { createClient, type Todo, type TodoCreate, type TodolistClient } from '@todolist/sdk';

/** The site folder: what the local gateway serves at `/`. */
export const SITE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The page loads the SDK's built browser bundle; say how to build it rather than fail obscurely. */
function checkSdkBuilt(): void {
  const sdkRoot = dirname(createRequire(import.meta.url).resolve('@todolist/sdk/package.json'));
  const bundle = join(sdkRoot, 'dist/browser/todolist-sdk.min.js');
  if (!existsSync(bundle)) {
    throw new Error(
      `${bundle} is missing: run \`npm run build -w @todolist/sdk\` (turbo does it before \`npm test\`)`,
    );
  }
}

/** The local gateway serving the site over an in-memory database, and a client of its API. */
export interface Site {
  url: string;
  stack: LocalStack;
  /** The test file's own user, whom {@link signIn} signs in as. */
  email: string;
  /** A client of the API signed in as {@link email}: the same person as the page. */
  api: TodolistClient;
  /** A client of the API signed in as someone else. */
  apiFor(email: string): TodolistClient;
  /** Deletes every todo, so each test starts from an empty list. */
  reset(): Promise<void>;
  /** Creates todos through the API, one after another, so their order is known. */
  seed(todos: TodoCreate[]): Promise<Todo[]>;
}

/** An e-mail address no other test signs in with, so its user starts with no todos. */
export function uniqueEmail(name = 'tester'): string {
  return `${name}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * Starts the local stack (one per test file: the gateway allows one per process), serving the
 * page from `siteDir` (this folder, as written, unless told otherwise).
 */
export async function startSite(siteDir = SITE_DIR): Promise<Site> {
  checkSdkBuilt();
  const stack = await startLocalStack({ dataDir: null, port: 0, siteDir, throttle: null });
  // Setup and checks, not what is tested: generous limits, so a busy CI machine slows them
  // rather than fails them.
  const apiFor = (email: string) => {
    let token: Promise<string> | undefined;
    return createClient({
      baseUrl: stack.url,
      // Signs in as the page does (same e-mail, same `sub`), on first use and when refused.
      auth: ({ refresh }) => {
        if (refresh || !token) token = signInLocally(stack.url, email).then((tokens) => tokens.accessToken);
        return token;
      },
      retry: false,
      timeout: { attemptMs: 30_000, totalMs: 60_000 },
    });
  };
  const email = uniqueEmail();
  const api = apiFor(email);
  return {
    url: stack.url,
    stack,
    email,
    api,
    apiFor,
    async reset() {
      const ids: string[] = [];
      for await (const todo of api.todos.iterate()) ids.push(todo.id);
      // A few at a time: hundreds of deletes at once would queue behind each other on 2 cores.
      for (let start = 0; start < ids.length; start += 8)
        await Promise.all(ids.slice(start, start + 8).map((id) => api.todos.delete(id)));
    },
    async seed(todos) {
      const created: Todo[] = [];
      for (const todo of todos) created.push(await api.todos.create(todo));
      return created;
    },
  };
}
