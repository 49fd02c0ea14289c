import type { TokenProvider } from '@todolist/sdk';
import type { CliPaths } from '../config/paths.js';
import type { ActiveProfile } from '../config/profiles.js';
import { signInSettings } from '../config/sign-in.js';
import { NotSignedInError } from '../errors.js';
import { machineCredentials, machineTokenProvider } from './machine-credentials.js';
import { openSession, type Session } from './session.js';
import { tokenFile } from './token-file.js';

/**
 * Who `todo` acts as, and the SDK's `auth` for it. Loaded only by the commands that call the API
 * or say who you are, so `--version`, `--help` and `config` do not pay for it at start-up.
 */
export type Credentials =
  | { source: 'TODO_TOKEN'; auth: string }
  | { source: 'TODO_CLIENT_ID'; auth: TokenProvider }
  | { source: 'login'; auth: TokenProvider; session: Session };

/**
 * What finding the credentials needs from the run: the environment, the clock, the Ctrl-C signal
 * and where the tokens are kept (a command's context has them all).
 */
export interface CredentialsDeps {
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  now: () => Date;
  paths: Pick<CliPaths, 'tokensDir'>;
}

/**
 * The credentials, first found: `TODO_TOKEN` as it is (never refreshed); a machine client
 * (`TODO_CLIENT_ID` and `TODO_CLIENT_SECRET`, client-credentials tokens); the stored sign-in,
 * refreshed silently. With none, no request is sent: the API would only refuse it.
 */
export function credentialsFor(context: CredentialsDeps, profile: ActiveProfile): Credentials {
  const { env, signal, now } = context;
  if (env.TODO_TOKEN) return { source: 'TODO_TOKEN', auth: env.TODO_TOKEN };
  const machine = machineCredentials(env);
  if (machine) {
    const { authUrl } = signInSettings(profile);
    const auth = machineTokenProvider(machine, { authUrl, signal, timeoutMs: profile.timeoutMs, now });
    return { source: 'TODO_CLIENT_ID', auth };
  }
  const session = openSession({
    file: tokenFile(context.paths.tokensDir, profile.name),
    now,
    signal,
    timeoutMs: profile.timeoutMs,
  });
  const auth: TokenProvider = async ({ refresh }) => {
    const tokens = await session.tokens({ refresh });
    if (!tokens) throw NotSignedInError.forProfile(profile.name);
    return tokens.accessToken;
  };
  return { source: 'login', auth, session };
}
