import { APP_CLIENT_IDS, SIGN_IN_SCOPES } from '@todolist/sdk/contract';

/** Every scope the local user pool grants: those a person's sign-in asks for. */
export const SUPPORTED_SCOPES = SIGN_IN_SCOPES;

/** A local app client: public (no secret), authorization code with PKCE S256 only. */
export interface LocalClient {
  clientId: string;
  /** What the client is, for error pages. */
  description: string;
  /** Whether a redirect (or logout) URI is one this client may be sent to. */
  allowsRedirect(uri: URL, gatewayPort: number): boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function plainHttp(uri: URL): boolean {
  return uri.protocol === 'http:' && !uri.username && !uri.password && !uri.hash;
}

/** The app clients of the local user pool, as the CDK app declares the deployed ones. */
const LOCAL_CLIENTS: readonly LocalClient[] = [
  {
    clientId: APP_CLIENT_IDS.web,
    description: 'the todolist page',
    // The page is served by the gateway itself, under either name of the loopback address.
    allowsRedirect: (uri, gatewayPort) =>
      plainHttp(uri) &&
      (uri.hostname === '127.0.0.1' || uri.hostname === 'localhost') &&
      uri.port === String(gatewayPort),
  },
  {
    clientId: APP_CLIENT_IDS.cli,
    description: 'the todo command',
    // RFC 8252 §7.3: a native app listens on a loopback port it picks at sign-in, so any port is allowed.
    allowsRedirect: (uri) =>
      plainHttp(uri) && LOOPBACK_HOSTS.has(uri.hostname) && uri.pathname === '/callback',
  },
];

/** The client with this id, if the local user pool knows it. */
export function findClient(clientId: string | null | undefined): LocalClient | undefined {
  return LOCAL_CLIENTS.find((client) => client.clientId === clientId);
}

/** Parses a redirect URI and checks it against the client; `undefined` when not allowed. */
export function allowedRedirect(
  client: LocalClient,
  raw: string | null | undefined,
  gatewayPort: number,
): URL | undefined {
  if (!raw || !URL.canParse(raw)) return undefined;
  const uri = new URL(raw);
  return client.allowsRedirect(uri, gatewayPort) ? uri : undefined;
}
