import { GrantStore } from './grant-store.js';
import type { MachineClient } from './machine-client.js';
import type { PreTokenGeneration } from './pre-token-generation.js';
import type { RefreshTokens } from './refresh-tokens.js';
import type { SigningKey } from './signing-key.js';
import type { SignInGrant } from './token-issuer.js';

/** An authorization code's grant: the sign-in, and what the token request must prove. */
export interface AuthorizationCodeGrant extends SignInGrant {
  redirectUri: string;
  codeChallenge: string;
}

/** The local user pool's state, shared by its endpoints. */
export interface LocalAuthority {
  key: SigningKey;
  /** `http://localhost:<port>/auth`: the `iss` of every token. */
  issuer: string;
  /** The gateway's origin as the discovery document names it: `http://localhost:<port>`. */
  origin: string;
  port: number;
  /** One-time codes, valid 60 s. */
  codes: GrantStore<AuthorizationCodeGrant>;
  /** Refresh tokens, valid 30 days, kept in the data folder: they outlive a restart. */
  refreshTokens: RefreshTokens;
  /** The client-credentials client for scripts, when the gateway was given an owner for it. */
  machineClient: MachineClient | undefined;
  /**
   * The `origin_jti` of sign-ins whose refresh token was revoked: their access tokens are refused
   * too, as Cognito does. In memory: after a restart they work again until they expire (1 h).
   */
  revokedSignIns: Set<string>;
  /** Runs before a person's tokens are issued (sign-in and refresh), as Cognito runs its trigger. */
  preTokenGeneration: PreTokenGeneration | undefined;
}

const CODE_LIFETIME_MS = 60_000;

/**
 * The `iss` of a gateway on `port`'s tokens. It names `localhost` whatever address the gateway
 * listens on, so it is one stable value per port, whichever name a client used.
 */
export function issuerFor(port: number): string {
  return `http://localhost:${port}/auth`;
}

/** What a local user pool is made of, besides its port. */
export interface LocalAuthorityParts {
  key: SigningKey;
  refreshTokens: RefreshTokens;
  machineClient?: MachineClient | undefined;
  preTokenGeneration?: PreTokenGeneration | undefined;
}

/** The local user pool of a gateway on `port`. */
export function createLocalAuthority(
  { key, refreshTokens, machineClient, preTokenGeneration }: LocalAuthorityParts,
  port: number,
): LocalAuthority {
  const origin = `http://localhost:${port}`;
  return {
    key,
    issuer: issuerFor(port),
    origin,
    port,
    codes: new GrantStore(CODE_LIFETIME_MS),
    refreshTokens,
    machineClient,
    revokedSignIns: new Set(),
    preTokenGeneration,
  };
}
