// A person signed in to a local gateway, for a benchmark's requests: the gateway refuses every
// /v1/todos request without a bearer access token, and each e-mail address is a person of its own.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The e-mail address a benchmark signs in with unless it needs more than one person. */
export const BENCH_EMAIL = 'bench@example.com';

/**
 * Signs `email` in to the gateway at `url` through its real local sign-in (`signInLocally` of
 * @todolist/local/testing, loaded from the same build as the gateway at `mainPath`, so a
 * benchmark needs no dependency on the local package). Answers the tokens, the person's `sub` (their
 * owner id in the API) and `authorization`, the header value a request carries.
 * @param {string} mainPath the built gateway, `packages/local/dist/main.mjs`
 * @param {{ clientId?: string }} [options] `clientId`: 'todolist-web' (the default) or 'todolist-cli'
 * @returns {Promise<{ accessToken: string, idToken: string, refreshToken: string, sub: string, authorization: string }>}
 * @example
 * const { authorization } = await signInToGateway(mainPath, gateway.url, BENCH_EMAIL);
 * await fetch(`${gateway.url}/v1/todos`, { headers: { authorization } });
 */
export async function signInToGateway(mainPath, url, email = BENCH_EMAIL, { clientId } = {}) {
  const testing = pathToFileURL(join(dirname(mainPath), 'testing.mjs')).href;
  const { signInLocally } = await import(testing);
  const tokens = await signInLocally(url, email, clientId ? { clientId } : {});
  return { ...tokens, authorization: `Bearer ${tokens.accessToken}` };
}
