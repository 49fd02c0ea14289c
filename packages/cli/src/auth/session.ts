import { refreshTokens } from './authorization-server.js';
import { readTokens, type StoredTokens, saveTokens } from './token-file.js';

/** How close to its expiry an access token is refreshed before use. */
const REFRESH_MARGIN_MS = 60_000;

/** What a session needs: the profile's token file, the clock, and how long a request may take. */
export interface SessionOptions {
  file: string;
  now: () => Date;
  signal: AbortSignal;
  timeoutMs: number;
}

/** The profile's stored sign-in, refreshed when the SDK (or the clock) says the token is stale. */
export interface Session {
  /** The tokens, fresh: refreshed and saved when within a minute of expiry or when `refresh` is asked. */
  tokens(options?: { refresh?: boolean }): Promise<StoredTokens | undefined>;
}

export function openSession(options: SessionOptions): Session {
  let current: Promise<StoredTokens | undefined> | undefined;
  let refreshed = false;
  const refresh = async (tokens: StoredTokens) => {
    const fresh = await refreshTokens(tokens, options.signal, options.timeoutMs, options.now());
    await saveTokens(options.file, fresh);
    refreshed = true;
    return fresh;
  };
  return {
    tokens: ({ refresh: asked = false } = {}) => {
      // One refresh per run at most: requests in parallel share it, and a token just refreshed
      // that the API still refuses will not get better.
      current = (current ?? readTokens(options.file)).then((tokens) => {
        if (!tokens || refreshed) return tokens;
        const stale = Date.parse(tokens.expiresAt) - options.now().getTime() < REFRESH_MARGIN_MS;
        return asked || stale ? refresh(tokens) : tokens;
      });
      return current;
    },
  };
}
