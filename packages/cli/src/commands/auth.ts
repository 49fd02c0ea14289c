import type { Command } from 'commander';
import type { Context } from '../context.js';
import { NotSignedInError } from '../errors.js';
import type { OutputFlags } from '../output/mode.js';
import { examples, jsonOption, type Runner } from './shared.js';
import { runWhoami } from './whoami.js';

/**
 * The access token every other command would send now, by the same path: `TODO_TOKEN` as it
 * is, else a machine client's token, else the profile's sign-in, renewed first when it is
 * within a minute of expiry (and the renewed one saved).
 */
async function accessToken(context: Context): Promise<string> {
  const credentials = await context.credentials();
  if (credentials.source === 'TODO_TOKEN') return credentials.auth;
  const token = await credentials.auth({ refresh: false });
  if (!token) throw NotSignedInError.forProfile((await context.profile()).name);
  return token;
}

/** `todo auth token`: the access token alone on stdout, for `curl` and other tools (as `gh auth token`). */
export async function runAuthToken(context: Context): Promise<void> {
  context.io.out(await accessToken(context));
}

export function registerAuth(program: Command, run: Runner): void {
  const auth = program
    .command('auth')
    .description('the credentials todo uses: print the access token, or check who you are')
    .addHelpText(
      'after',
      examples(
        'curl -H "Authorization: Bearer $(todo auth token)" http://localhost:3000/v1/todos',
        'todo auth status',
      ),
    );

  auth
    .command('token')
    .description('print a fresh access token for the profile, on one line, and nothing else')
    .addHelpText(
      'after',
      `${examples('curl -H "Authorization: Bearer $(todo auth token)" http://localhost:3000/v1/todos', 'todo auth token --profile aws')}
The token is the one every other command would send: TODO_TOKEN when set, else a machine
client's (TODO_CLIENT_ID and TODO_CLIENT_SECRET), else the profile's sign-in, renewed first when
it is within a minute of expiry. Signed out, it prints nothing and exits 4.\n`,
    )
    .action(() => run((context) => runAuthToken(context)));

  auth
    .command('status')
    .description('the same as "todo whoami": who the API takes you for, for which profile and API')
    .addOption(jsonOption())
    .addHelpText('after', examples('todo auth status', 'todo auth status --json'))
    .action((flags: OutputFlags) => run((context) => runWhoami(context, flags)));
}
