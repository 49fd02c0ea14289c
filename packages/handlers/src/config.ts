/** What a handler reads from its environment, once per container. */
export interface HandlerConfig {
  /** The DynamoDB table holding todos and idempotency records (`TABLE_NAME`). */
  tableName: string;
  /** A DynamoDB endpoint other than AWS's, such as the local gateway's dynalite (`DYNAMODB_ENDPOINT`). */
  dynamodbEndpoint: string | undefined;
  /** The owner of requests that carry no identity (`DEFAULT_OWNER_ID`). @default 'local' */
  defaultOwnerId: string;
  /** The key that signs list cursors so a client cannot forge or alter one (`CURSOR_SIGNING_KEY`). */
  cursorSigningKey: string;
  /** Origins the browser may call the API from (`ALLOWED_ORIGINS`, comma-separated). @default none */
  allowedOrigins: string[];
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

/** Reads the handler configuration from environment variables. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): HandlerConfig {
  return {
    tableName: required(env, 'TABLE_NAME'),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT?.trim() || undefined,
    defaultOwnerId: env.DEFAULT_OWNER_ID?.trim() || 'local',
    cursorSigningKey: required(env, 'CURSOR_SIGNING_KEY'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
