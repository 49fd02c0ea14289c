import type { TodolistClient } from '@todolist/sdk';
import type { Credentials } from './auth/credentials.js';
import { type CliPaths, cliPaths } from './config/paths.js';
import { type ActiveProfile, activeProfile, loadConfig } from './config/profiles.js';
import { createIO, type IO } from './io.js';

/** The options every command accepts. */
export interface GlobalOptions {
  profile?: string;
  color: boolean;
  input: boolean;
}

/** What a command's action needs, passed in so a test can swap any of it. */
export interface Context {
  env: NodeJS.ProcessEnv;
  io: IO;
  paths: CliPaths;
  /** The clock, for "due today" and "overdue". */
  now: () => Date;
  /** Aborted on Ctrl-C, so a request in flight stops at once. */
  signal: AbortSignal;
  profile(): Promise<ActiveProfile>;
  /** Who `todo` acts as: `TODO_TOKEN`, a machine client, or the stored sign-in (`todo login`). */
  credentials(): Promise<Credentials>;
  /** The API client for the active profile; the SDK is loaded on first use only. */
  client(): Promise<TodolistClient>;
}

export interface Streams {
  stdin: IO['stdin'];
  stdout: IO['stdout'];
  stderr: IO['stderr'];
}

/** Builds the context once the global options are parsed. */
export function createContext(
  streams: Streams,
  env: NodeJS.ProcessEnv,
  globals: GlobalOptions,
  signal: AbortSignal,
): Context {
  const io = createIO(streams, { env, noColor: !globals.color, noInput: !globals.input });
  const paths = cliPaths(env);
  let profile: Promise<ActiveProfile> | undefined;
  let credentials: Promise<Credentials> | undefined;
  let client: Promise<TodolistClient> | undefined;
  const context: Context = {
    env,
    io,
    paths,
    now: () => new Date(),
    signal,
    profile: () => {
      profile ??= loadConfig(paths.configFile).then((config) => {
        const active = activeProfile(config, globals.profile, env);
        // Every day and time `todo` reads or shows ("today", "overdue", "fri") is the person's:
        // the profile's zone, when it names one this runtime knows (a bad one is refused by
        // the command that reads it), else the system's.
        if (active.timeZone && isKnownZone(active.timeZone)) process.env.TZ = active.timeZone;
        return active;
      });
      return profile;
    },
    credentials: () => {
      credentials ??= Promise.all([import('./auth/credentials.js'), context.profile()]).then(
        ([{ credentialsFor }, active]) => credentialsFor(context, active),
      );
      return credentials;
    },
    client: () => {
      client ??= Promise.all([import('@todolist/sdk'), context.profile(), context.credentials()]).then(
        ([sdk, active, { auth }]) =>
          sdk.createClient({
            baseUrl: active.baseUrl,
            timeout: { attemptMs: active.timeoutMs, totalMs: Math.max(active.timeoutMs * 3, 30_000) },
            auth,
            ...(active.liveUrl ? { liveUrl: active.liveUrl } : {}),
          }),
      );
      return client;
    },
  };
  return context;
}

/**
 * Whether this runtime knows `zone` as an IANA time zone. The contract's `TimeZone` checks the
 * same, but this file loads with every run (`todo --version` too), which must not load zod.
 */
function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
