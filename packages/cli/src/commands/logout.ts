import type { Command } from 'commander';
import { deleteTokens, readTokens, type StoredTokens, tokenFile } from '../auth/token-file.js';
import type { Context } from '../context.js';
import { safeText } from '../output/safe-text.js';
import { examples, type Runner } from './shared.js';

/**
 * Asks the sign-in server to revoke the refresh token, so a copy of the token file is useless
 * too. A server that cannot be reached does not keep anyone signed in here: the reason is
 * returned, to be shown beside the local sign-out.
 */
async function revoke(context: Context, tokens: StoredTokens): Promise<string | undefined> {
  const { timeoutMs } = await context.profile();
  // With the contract's OAuth paths: loaded for this command, never with `todo --version`.
  const { revokeRefreshToken } = await import('../auth/authorization-server.js');
  try {
    if (await revokeRefreshToken(tokens, context.signal, timeoutMs)) return undefined;
    return 'the sign-in server refused to revoke the session';
  } catch (error) {
    if (context.signal.aborted) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

/** `todo logout`: revokes the session at the sign-in server and forgets the profile's tokens. */
export async function runLogout(context: Context): Promise<void> {
  const profile = await context.profile();
  const file = tokenFile(context.paths.tokensDir, profile.name);
  // A damaged file cannot be revoked, but must still go: its error message says to run logout.
  const tokens = await readTokens(file).catch(() => undefined);
  const notRevoked = tokens ? await revoke(context, tokens) : undefined;
  const hadTokens = await deleteTokens(file);
  if (!hadTokens) return context.io.err(`Not signed in (profile ${profile.name}); nothing to do.`);
  context.io.err(
    notRevoked
      ? `Signed out here (profile ${profile.name}), but ${safeText(notRevoked)}: the session ends when its refresh token expires.`
      : `Signed out (profile ${profile.name}); the sign-in server ended the session.`,
  );
}

export function registerLogout(program: Command, run: Runner): void {
  program
    .command('logout')
    .description("sign out: end the session at the sign-in server and delete the profile's stored tokens")
    .addHelpText('after', examples('todo logout', 'todo logout --profile aws'))
    .action(() => run((context) => runLogout(context)));
}
