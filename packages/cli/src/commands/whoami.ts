import type { Command } from 'commander';
import { readClaims, stringClaim } from '../auth/jwt.js';
import type { Context } from '../context.js';
import { NotSignedInError } from '../errors.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { examples, jsonOption, type Runner } from './shared.js';

/** Who `todo` acts as, for `--json`: stable field names, `null` for what is not known. */
interface Identity {
  email: string | null;
  sub: string | null;
  profile: string;
  baseUrl: string;
  /** When the access token expires; a stored sign-in is refreshed before then. */
  expiresAt: string | null;
  /** `login` (the stored sign-in), `TODO_TOKEN`, or `TODO_CLIENT_ID` (a machine client). */
  source: 'login' | 'TODO_TOKEN' | 'TODO_CLIENT_ID';
}

const SOURCE_NAMES: Record<Identity['source'], string> = {
  login: 'todo login',
  TODO_TOKEN: 'TODO_TOKEN',
  TODO_CLIENT_ID: 'TODO_CLIENT_ID (machine client)',
};

/** Who a bare access token is, as far as its claims say. */
function fromAccessToken(token: string, source: Identity['source']) {
  const claims = readClaims(token);
  const exp = claims.exp;
  return {
    email: null,
    sub: stringClaim(claims, 'sub') ?? null,
    expiresAt: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null,
    source,
  };
}

async function identity(context: Context): Promise<Identity> {
  const profile = await context.profile();
  const base = { profile: profile.name, baseUrl: profile.baseUrl };
  const credentials = await context.credentials();
  if (credentials.source === 'TODO_TOKEN')
    return { ...base, ...fromAccessToken(credentials.auth, 'TODO_TOKEN') };
  if (credentials.source === 'TODO_CLIENT_ID') {
    // The token's `sub` is the client id; the API acts for the owner it is configured for.
    const token = (await credentials.auth({ refresh: false })) ?? '';
    return { ...base, ...fromAccessToken(token, 'TODO_CLIENT_ID') };
  }
  // Refreshed when stale, so a session that can no longer be renewed shows as signed out.
  const tokens = await credentials.session.tokens();
  if (!tokens) throw NotSignedInError.forProfile(profile.name);
  const id = readClaims(tokens.idToken);
  return {
    ...base,
    email: stringClaim(id, 'email') ?? null,
    sub: stringClaim(id, 'sub') ?? stringClaim(readClaims(tokens.accessToken), 'sub') ?? null,
    expiresAt: tokens.expiresAt,
    source: 'login',
  };
}

/**
 * `todo whoami` (and `todo auth status`): who the API sees, for which profile and API, and until
 * when. The API is asked first, with the cheapest call there is (one todo), as `gh auth status`
 * asks GitHub: a token it refuses (broken, revoked, expired past renewing) ends in exit 4 with
 * the same line every other command gives, never in "renewed silently".
 */
export async function runWhoami(context: Context, flags: OutputFlags): Promise<void> {
  const mode = outputMode(flags);
  await (await context.client()).todos.list({ limit: 1 }, { signal: context.signal });
  const who = await identity(context);
  if (mode !== 'human') return printData(context.io, mode, who, false);
  const { dim } = context.io.color;
  const rows: [string, string][] = [
    // Claims of a token and settings from a file are data: escaped like a todo's title.
    ['email', safeText(who.email ?? '—')],
    ['sub', safeText(who.sub ?? '—')],
    ['profile', who.profile],
    ['api', safeText(who.baseUrl)],
    [
      'expires',
      who.expiresAt
        ? `${safeText(who.expiresAt)}${who.source === 'login' ? dim(' (renewed silently)') : ''}`
        : '—',
    ],
    ['from', SOURCE_NAMES[who.source]],
  ];
  for (const [name, value] of rows) context.io.out(`${name.padEnd(8)} ${value}`);
}

export function registerWhoami(program: Command, run: Runner): void {
  program
    .command('whoami')
    .description(
      'show who you are signed in as, for which profile and API, once the API took the credentials',
    )
    .addOption(jsonOption())
    .addHelpText('after', examples('todo whoami', 'todo whoami --json', 'todo whoami --profile aws'))
    .action((flags: OutputFlags) => run((context) => runWhoami(context, flags)));
}
