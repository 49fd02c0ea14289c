import type { TodolistClient, TokenProvider } from '@todolist/sdk';
import { machineCredentials, machineTokenProvider } from './auth/machine-credentials.js';
import { openSession, type Session } from './auth/session.js';
import { tokenFile } from './auth/token-file.js';
import { type CliPaths, cliPaths } from './config/paths.js';
import { type ActiveProfile, activeProfile, loadConfig, signInSettings } from './config/profiles.js';
import { NotSignedInError } from './errors.js';
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
  /** The active profile's stored sign-in (`todo login`). */
  session(): Promise<Session>;
  /** The API client for the active profile; the SDK is loaded on first use only. */
  client(): Promise<TodolistClient>;
}

export interface Streams {
  stdin: IO['stdin'];
  stdout: IO['stdout'];
  stderr: IO['stderr'];
}

/**
 * The SDK's credentials, first found: `TODO_TOKEN` as it is (never refreshed); a machine client
 * (`TODO_CLIENT_ID` and `TODO_CLIENT_SECRET`, client-credentials tokens); the stored sign-in,
 * refreshed silently. With none, no request is sent: the API would only refuse it.
 */
function credentials(
  context: Pick<Context, 'env' | 'signal' | 'now'>,
  profile: ActiveProfile,
  session: Session,
): string | TokenProvider {
  const { env } = context;
  if (env.TODO_TOKEN) return env.TODO_TOKEN;
  const machine = machineCredentials(env);
  if (machine) {
    const { authUrl } = signInSettings(profile);
    return machineTokenProvider(machine, {
      authUrl,
      signal: context.signal,
      timeoutMs: profile.timeoutMs,
      now: context.now,
    });
  }
  return async ({ refresh }) => {
    const tokens = await session.tokens({ refresh });
    if (!tokens) throw new NotSignedInError(`not signed in (profile ${profile.name}): run todo login`);
    return tokens.accessToken;
  };
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
  let session: Promise<Session> | undefined;
  let client: Promise<TodolistClient> | undefined;
  const context: Context = {
    env,
    io,
    paths,
    now: () => new Date(),
    signal,
    profile: () => {
      profile ??= loadConfig(paths.configFile).then((config) => activeProfile(config, globals.profile, env));
      return profile;
    },
    session: () => {
      session ??= context.profile().then((active) =>
        openSession({
          file: tokenFile(paths.tokensDir, active.name),
          now: context.now,
          signal,
          timeoutMs: active.timeoutMs,
        }),
      );
      return session;
    },
    client: () => {
      client ??= Promise.all([import('@todolist/sdk'), context.profile(), context.session()]).then(
        ([sdk, active, stored]) =>
          sdk.createClient({
            baseUrl: active.baseUrl,
            timeout: { attemptMs: active.timeoutMs, totalMs: Math.max(active.timeoutMs * 3, 30_000) },
            auth: credentials(context, active, stored),
          }),
      );
      return client;
    },
  };
  return context;
}
