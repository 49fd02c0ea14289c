/** Machine (client-credentials) app clients and the owner each acts for: `MACHINE_OWNERS`. */
export type MachineOwners = ReadonlyMap<string, string>;

/**
 * Where the key that signs list cursors comes from: given directly (`CURSOR_SIGNING_KEY`, as the
 * local gateway and tests do), or a Secrets Manager secret to read at cold start
 * (`CURSOR_SIGNING_KEY_SECRET_ARN`, as the CDK stack does, so the key never sits in Lambda's
 * environment).
 */
export type CursorSigningKeySource = { readonly key: string } | { readonly secretArn: string };

/** What a handler reads from its environment, once per container. */
export interface HandlerConfig {
  /** The DynamoDB table of todos and `Idempotency-Key` claims (`TABLE_NAME`). */
  tableName: string;
  /** A DynamoDB endpoint other than AWS's, such as the local gateway's dynalite (`DYNAMODB_ENDPOINT`). */
  dynamodbEndpoint: string | undefined;
  /**
   * Machine (client-credentials) app clients and the owner each one's tokens act for
   * (`MACHINE_OWNERS`, a JSON object of client id to owner). @default none
   */
  machineOwners: MachineOwners;
  /**
   * Where the key that signs list cursors comes from, so a client cannot forge or alter one;
   * given only to the functions that list. @default none: listing fails with a ConfigError
   */
  cursorSigningKey: CursorSigningKeySource | undefined;
  /** Origins the browser may call the API from (`ALLOWED_ORIGINS`, comma-separated). @default none */
  allowedOrigins: string[];
  /**
   * Who issues the access tokens a live connection opens with, for the WebSocket API's
   * authorizer: the user pool's issuer (`TOKEN_ISSUER`; its keys at `/.well-known/jwks.json`)
   * and its app clients (`TOKEN_CLIENT_IDS`, comma-separated). @default none: every token is refused
   */
  accessTokens: AccessTokenIssuer | undefined;
  /**
   * Where the pusher posts to live connections: the WebSocket stage's connection management
   * endpoint, `https://<api id>.execute-api.<region>.amazonaws.com/<stage>` (`LIVE_CALLBACK_URL`).
   * @default none: the pusher cannot start
   */
  liveCallbackUrl: string | undefined;
}

/** The user pool whose access tokens open live connections, as the REST API's authorizer takes them. */
export interface AccessTokenIssuer {
  /** The tokens' `iss`: `https://cognito-idp.<region>.amazonaws.com/<pool id>`, or the local user pool's. */
  readonly issuer: string;
  /** The app clients whose tokens are taken (the token's `client_id`). */
  readonly clientIds: readonly string[];
}

/**
 * The environment variable of each setting: {@link handlerEnvironment} writes them and
 * {@link readConfig} reads them, so each is named here and nowhere else.
 */
const VARIABLES = {
  tableName: 'TABLE_NAME',
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  machineOwners: 'MACHINE_OWNERS',
  cursorSigningKey: 'CURSOR_SIGNING_KEY',
  cursorSigningKeySecretArn: 'CURSOR_SIGNING_KEY_SECRET_ARN',
  allowedOrigins: 'ALLOWED_ORIGINS',
  tokenIssuer: 'TOKEN_ISSUER',
  tokenClientIds: 'TOKEN_CLIENT_IDS',
  liveCallbackUrl: 'LIVE_CALLBACK_URL',
} as const;

/** Every variable a handler reads its settings from. */
export const HANDLER_VARIABLES: readonly string[] = Object.values(VARIABLES);

/** What a function is configured with: the {@link HandlerConfig} it reads back, with defaults left out. */
export interface HandlerSettings {
  tableName: string;
  /** Only for the functions that list. @default none */
  cursorSigningKey?: CursorSigningKeySource;
  /** @default AWS's */
  dynamodbEndpoint?: string;
  /** Machine client id → the owner its tokens act for. @default none */
  machineOwners?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** @default none */
  allowedOrigins?: readonly string[];
  /** Only for the WebSocket API's authorizer. @default none */
  accessTokens?: AccessTokenIssuer;
  /** Only for the live pusher. @default none */
  liveCallbackUrl?: string;
}

/**
 * The environment a handler's function runs with for `settings`: what the CDK app gives each
 * Lambda function and the local gateway gives the handlers it runs. {@link readConfig} is its
 * inverse. Values may be CDK tokens (a table's name), which pass through as strings.
 *
 * @example
 * ```ts
 * new lambda.Function(this, 'Fn', { environment: handlerEnvironment({ tableName, cursorSigningKey: { secretArn } }) });
 * ```
 */
export function handlerEnvironment(settings: HandlerSettings): Record<string, string> {
  const owners =
    settings.machineOwners instanceof Map
      ? Object.fromEntries(settings.machineOwners)
      : { ...(settings.machineOwners ?? {}) };
  const key = settings.cursorSigningKey;
  return {
    [VARIABLES.tableName]: settings.tableName,
    ...(key === undefined
      ? {}
      : 'key' in key
        ? { [VARIABLES.cursorSigningKey]: key.key }
        : { [VARIABLES.cursorSigningKeySecretArn]: key.secretArn }),
    ...(settings.dynamodbEndpoint ? { [VARIABLES.dynamodbEndpoint]: settings.dynamodbEndpoint } : {}),
    ...(Object.keys(owners).length > 0 ? { [VARIABLES.machineOwners]: JSON.stringify(owners) } : {}),
    ...(settings.allowedOrigins?.length
      ? { [VARIABLES.allowedOrigins]: settings.allowedOrigins.join(',') }
      : {}),
    ...(settings.accessTokens
      ? {
          [VARIABLES.tokenIssuer]: settings.accessTokens.issuer,
          [VARIABLES.tokenClientIds]: settings.accessTokens.clientIds.join(','),
        }
      : {}),
    ...(settings.liveCallbackUrl ? { [VARIABLES.liveCallbackUrl]: settings.liveCallbackUrl } : {}),
  };
}

/** Thrown at cold start when the environment lacks a setting the handlers cannot run without. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set: the handlers cannot start without it`);
  return value;
}

function cursorSigningKeySource(env: NodeJS.ProcessEnv): CursorSigningKeySource | undefined {
  const key = env[VARIABLES.cursorSigningKey]?.trim();
  if (key) return { key };
  const secretArn = env[VARIABLES.cursorSigningKeySecretArn]?.trim();
  return secretArn ? { secretArn } : undefined;
}

/** `MACHINE_OWNERS`: a mistake here fails the cold start, rather than refusing a server's import later. */
function machineOwners(raw: string | undefined): MachineOwners {
  if (!raw?.trim()) return new Map();
  const invalid = () =>
    new ConfigError(
      `${VARIABLES.machineOwners} must be a JSON object of app client id to owner id, like {"4h5k…":"alice"} (got ${raw})`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed);
  if (!entries.every(([clientId, owner]) => clientId !== '' && typeof owner === 'string' && owner !== ''))
    throw invalid();
  return new Map(entries as [string, string][]);
}

function commaList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

/** `TOKEN_ISSUER` and `TOKEN_CLIENT_IDS`: both or neither, so a half-set pair fails the cold start. */
function accessTokens(env: NodeJS.ProcessEnv): AccessTokenIssuer | undefined {
  const issuer = env[VARIABLES.tokenIssuer]?.trim();
  const clientIds = commaList(env[VARIABLES.tokenClientIds]);
  if (!issuer && clientIds.length === 0) return undefined;
  if (!issuer || clientIds.length === 0)
    throw new ConfigError(
      `${VARIABLES.tokenIssuer} and ${VARIABLES.tokenClientIds} go together: the issuer of the access tokens and the app clients whose tokens are taken`,
    );
  return { issuer: issuer.replace(/\/+$/, ''), clientIds };
}

/** Reads the handler configuration from environment variables: the inverse of {@link handlerEnvironment}. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): HandlerConfig {
  return {
    tableName: required(env, VARIABLES.tableName),
    dynamodbEndpoint: env[VARIABLES.dynamodbEndpoint]?.trim() || undefined,
    machineOwners: machineOwners(env[VARIABLES.machineOwners]),
    cursorSigningKey: cursorSigningKeySource(env),
    allowedOrigins: commaList(env[VARIABLES.allowedOrigins]),
    accessTokens: accessTokens(env),
    liveCallbackUrl: env[VARIABLES.liveCallbackUrl]?.trim() || undefined,
  };
}

/** Reads a secret's value by ARN (Powertools' `getSecret` in Lambda; a stub in tests). */
export type SecretReader = (secretArn: string) => Promise<unknown>;

/**
 * The cursor signing key itself: the one given, or the secret's value. None configured, or a
 * secret that is missing, empty or binary, is a ConfigError rather than a cursor signed with a
 * bad key (the function answers 500, and says why in its log).
 */
export async function loadCursorSigningKey(
  source: CursorSigningKeySource | undefined,
  readSecret: SecretReader,
): Promise<string> {
  if (source === undefined)
    throw new ConfigError(
      `neither ${VARIABLES.cursorSigningKey} nor ${VARIABLES.cursorSigningKeySecretArn} is set: this function cannot sign list cursors without one`,
    );
  if ('key' in source) return source.key;
  const value = await readSecret(source.secretArn);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(
      `the secret ${source.secretArn} (${VARIABLES.cursorSigningKeySecretArn}) holds no text: store the cursor signing key in it as a string`,
    );
  }
  return value;
}
