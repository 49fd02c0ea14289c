import type { Command } from 'commander';
import { readClaims, stringClaim } from '../auth/jwt.js';
import { openBrowser } from '../auth/open-browser.js';
import { type StoredTokens, saveTokens, tokenFile } from '../auth/token-file.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { safeText } from '../output/safe-text.js';
import { examples, type Runner } from './shared.js';

interface LoginFlags {
  /** `--no-browser` sets it to false. */
  browser: boolean;
  /** Seconds to wait for the browser to come back. */
  timeout: number;
}

function parseSeconds(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--timeout is in seconds, at least 1 (got "${value}")`);
  return Number(value);
}

/** `todo login`: the authorization code flow with PKCE, the browser sent back to a loopback port. */
export async function runLogin(
  context: Context,
  flags: LoginFlags,
  open: (url: string) => Promise<boolean> = openBrowser,
): Promise<void> {
  const profile = await context.profile();
  // node:http, node:crypto and the contract (zod, the OAuth paths and client ids) load for this
  // command only, so every other one starts as fast.
  const [
    { startLoopbackServer },
    { newPkce, newState },
    { discoverEndpoints, exchangeCode },
    { signInSettings },
    { SIGN_IN_SCOPES },
  ] = await Promise.all([
    import('../auth/loopback-server.js'),
    import('../auth/pkce.js'),
    import('../auth/authorization-server.js'),
    import('../config/sign-in.js'),
    import('@todolist/sdk/contract'),
  ]);
  const { authUrl, clientId } = signInSettings(profile);
  const endpoints = await discoverEndpoints(authUrl, context.signal, profile.timeoutMs);
  const loopback = await startLoopbackServer();
  try {
    const pkce = newPkce();
    const state = newState();
    const authorize = new URL(endpoints.authorization);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: loopback.redirectUri,
      scope: SIGN_IN_SCOPES.join(' '),
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    }).toString();
    const opened = flags.browser && (await open(authorize.href));
    context.io.err(
      opened ? 'Opened your browser to sign in; if it did not show, open:' : 'Open this to sign in:',
    );
    context.io.err(safeText(authorize.href));
    context.io.err(context.io.color.dim(`Waiting for the browser (Ctrl-C to stop)…`));
    const callback = await loopback.callback(state, {
      signal: context.signal,
      timeoutMs: flags.timeout * 1000,
    });
    let tokens: StoredTokens;
    try {
      tokens = await exchangeCode(
        {
          tokenEndpoint: endpoints.token,
          clientId,
          code: callback.code,
          redirectUri: loopback.redirectUri,
          verifier: pkce.verifier,
        },
        context.signal,
        profile.timeoutMs,
        context.now(),
      );
    } catch (error) {
      await callback.answer(400, 'Sign-in failed', 'The sign-in could not be completed: see the terminal.');
      throw error;
    }
    await saveTokens(tokenFile(context.paths.tokensDir, profile.name), tokens);
    await callback.answer(200, 'Signed in', 'You are signed in to todo: you can close this tab.');
    const email = stringClaim(readClaims(tokens.idToken), 'email') ?? 'you';
    context.io.err(`Signed in as ${safeText(email)} (profile ${profile.name}).`);
  } finally {
    loopback.close();
  }
}

export function registerLogin(program: Command, run: Runner): void {
  program
    .command('login')
    .description('sign in with your browser; the tokens are kept for the profile and refreshed silently')
    .option('--no-browser', 'do not open a browser: print the sign-in URL and wait')
    .option('--timeout <seconds>', 'how long to wait for the sign-in', parseSeconds, 300)
    .addHelpText(
      'after',
      `${examples('todo login', 'todo login --no-browser', 'todo login --profile aws')}
The browser comes back to http://127.0.0.1:<port>/callback (ports 53682-53684). You sign in
at the profile's authUrl (default: the API's own origin) with its clientId (default
todolist-cli): see "todo config --help". TODO_TOKEN, when set, wins over the sign-in; then
TODO_CLIENT_ID with TODO_CLIENT_SECRET (a machine client, for scripts on a server).\n`,
    )
    .action((flags: LoginFlags) => run((context) => runLogin(context, flags)));
}
