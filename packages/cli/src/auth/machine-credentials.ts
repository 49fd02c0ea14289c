import type { TokenProvider } from '@todolist/sdk';
import { TodoCliError } from '../errors.js';
import { EXIT_CODES } from '../exit-codes.js';
import { clientCredentialsToken, discoverEndpoints } from './authorization-server.js';

/** A machine client's credentials, from `TODO_CLIENT_ID` and `TODO_CLIENT_SECRET`. */
export interface MachineCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The machine client in the environment, when both variables are set. One without the other
 * is a mistake worth stopping for (exit 2), rather than quietly using the stored sign-in.
 */
export function machineCredentials(env: NodeJS.ProcessEnv): MachineCredentials | undefined {
  const clientId = env.TODO_CLIENT_ID?.trim();
  const clientSecret = env.TODO_CLIENT_SECRET?.trim();
  if (!clientId && !clientSecret) return undefined;
  if (!clientId || !clientSecret) {
    const missing = clientId ? 'TODO_CLIENT_SECRET' : 'TODO_CLIENT_ID';
    throw new TodoCliError(
      `${missing} is not set: a machine client needs both TODO_CLIENT_ID and TODO_CLIENT_SECRET`,
      EXIT_CODES.usage,
    );
  }
  return { clientId, clientSecret };
}

// A token is fetched again this long before it expires, so a long import never sends a stale one.
const EXPIRY_MARGIN_MS = 60_000;

interface MachineToken {
  accessToken: string;
  expiresAt: string;
}

/**
 * The SDK's credentials for a script on a server: client-credentials tokens from the profile's
 * sign-in server, kept in memory for this run only and fetched again near expiry or after a 401.
 */
export function machineTokenProvider(
  credentials: MachineCredentials,
  settings: { authUrl: string; signal: AbortSignal; timeoutMs: number; now: () => Date },
): TokenProvider {
  let held: MachineToken | undefined;
  // Requests in flight together share one token request.
  let pending: Promise<MachineToken> | undefined;
  // Where the token endpoint is does not change during a run: looked up once.
  let endpoints: ReturnType<typeof discoverEndpoints> | undefined;
  const fetchToken = async () => {
    endpoints ??= discoverEndpoints(settings.authUrl, settings.signal, settings.timeoutMs);
    const client = { tokenEndpoint: (await endpoints).token, ...credentials };
    return clientCredentialsToken(client, settings.signal, settings.timeoutMs, settings.now());
  };
  return async ({ refresh }) => {
    const fresh = held && Date.parse(held.expiresAt) - EXPIRY_MARGIN_MS > settings.now().getTime();
    if (held && fresh && !refresh) return held.accessToken;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    held = await pending;
    return held.accessToken;
  };
}
