import type { Command } from 'commander';
import { deleteTokens, tokenFile } from '../auth/token-file.js';
import type { Context } from '../context.js';
import { examples, type Runner } from './shared.js';

/** `todo logout`: forgets the profile's tokens; signed out already is fine too. */
export async function runLogout(context: Context): Promise<void> {
  const profile = await context.profile();
  const hadTokens = await deleteTokens(tokenFile(context.paths.tokensDir, profile.name));
  context.io.err(
    hadTokens
      ? `Signed out (profile ${profile.name}).`
      : `Not signed in (profile ${profile.name}); nothing to do.`,
  );
}

export function registerLogout(program: Command, run: Runner): void {
  program
    .command('logout')
    .description("sign out: delete the profile's stored tokens")
    .addHelpText('after', examples('todo logout', 'todo logout --profile aws'))
    .action(() => run((context) => runLogout(context)));
}
