import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInLocally } from '@todolist/local/testing';
import { createClient, type TodolistClient } from '@todolist/sdk';
import { todoBin } from './built-cli.js';

/** What one run of `todo` showed: its two streams and its exit code. */
export interface TodoRun {
  stdout: string;
  stderr: string;
  /** `null` when it was killed, having run too long. */
  code: number | null;
}

/** An environment for the binary; a variable set to `undefined` is left out. */
export type Env = Record<string, string | undefined>;

/**
 * How long one run may take before it is killed and reported as hanging. Generous: the test files
 * run many people's commands at once on a 2-core machine, where an export that takes 4 s alone
 * took over 20 s in CI. Speed is measured by the benchmarks, not here.
 */
export const RUN_LIMIT_MS = 60_000;

/**
 * Runs `node bin/todo.js <args>` with exactly this environment (no NO_COLOR, FORCE_COLOR or TERM
 * leaks in from the test runner), stdin and stdout pipes: no terminal.
 */
export function runTodo(args: readonly string[], env: Env, options: { cwd?: string } = {}): Promise<TodoRun> {
  const child = spawn(process.execPath, [todoBin, ...args], {
    env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
    cwd: options.cwd ?? tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(limit);
      resolve({ ...output, code });
    });
  });
}

/** The client id `todo login` signs in to; its tokens are the ones a person's `todo` sends. */
const CLI_CLIENT_ID = 'todolist-cli';

/**
 * A person using `todo`: a settings folder of their own (TODO_CONFIG_DIR, also HOME), their own
 * todos on the API (TODO_TOKEN, a real access token), and the SDK to arrange todos quickly and to
 * check what the CLI did.
 */
export interface TodoUser {
  configDir: string;
  /** The e-mail they signed in with; `undefined` when the caller passed a token of its own. */
  email: string | undefined;
  /** Their subject (owner id in the API); `undefined` when the caller passed a token of its own. */
  sub: string | undefined;
  /** The access token sent as TODO_TOKEN and by `api`. */
  token: string;
  /** The environment every run gets: PATH, HOME, TODO_CONFIG_DIR, TODO_API_URL, TODO_TOKEN. */
  env: Record<string, string>;
  api: TodolistClient;
  /** Runs `todo <args>` off a terminal; `env` adds to (or, with `undefined`, removes from) the user's. */
  run(args: readonly string[], options?: { env?: Env; cwd?: string }): Promise<TodoRun>;
}

const folders = new Set<string>();

/** Signs a new person (a fresh e-mail) in to the gateway at `apiUrl` as `todo login` would. */
async function signInNewPerson(apiUrl: string) {
  const email = `user-${randomUUID()}@example.test`;
  const { accessToken, sub } = await signInLocally(apiUrl, email, { clientId: CLI_CLIENT_ID });
  return { email, sub, token: accessToken };
}

/**
 * A new user of the API at `apiUrl`, with no todos and no settings yet. By default they sign in
 * for real through the gateway's local sign-in with an e-mail of their own (so a gateway must be
 * listening at `apiUrl`); pass `token` to use an access token you already have instead.
 *
 * @example
 * ```ts
 * const user = await newTodoUser(stack.url);
 * await user.api.todos.create({ title: 'Milk' });
 * const list = await user.run(['list', '--json']);
 * ```
 */
export async function newTodoUser(apiUrl: string, options: { token?: string } = {}): Promise<TodoUser> {
  const person = options.token
    ? { email: undefined, sub: undefined, token: options.token }
    : await signInNewPerson(apiUrl);
  const { token } = person;
  const configDir = await mkdtemp(join(tmpdir(), 'todo-cli-e2e-'));
  folders.add(configDir);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: configDir,
    TODO_CONFIG_DIR: configDir,
    TODO_API_URL: apiUrl,
    TODO_TOKEN: token,
    // The CLI and the test must agree on what "tomorrow" is.
    ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
  };
  return {
    configDir,
    ...person,
    env,
    api: createClient({ baseUrl: apiUrl, auth: token }),
    run: (args, options = {}) => runTodo(args, { ...env, ...options.env }, options),
  };
}

/** Deletes the settings folders of every user made so far. */
export async function removeTodoUsers(): Promise<void> {
  await Promise.all([...folders].map((folder) => rm(folder, { recursive: true, force: true })));
  folders.clear();
}
