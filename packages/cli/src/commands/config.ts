import type { Command } from 'commander';
import {
  type CliConfig,
  checkProfileName,
  DEFAULT_PROFILE,
  loadConfig,
  type Profile,
  saveConfig,
  signInSettings,
} from '../config/profiles.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { type OutputFlags, outputMode, printData } from '../output/mode.js';
import { safeText } from '../output/safe-text.js';
import { choiceArgument, examples, jsonOption, type Runner } from './shared.js';

function httpUrl(key: string, value: string, example: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${key} must be an http(s) URL such as ${example} (got "${value}")`);
  }
  if (!['http:', 'https:'].includes(url.protocol))
    throw new UsageError(`${key} must be http or https (got "${value}")`);
  return url.href.replace(/\/+$/, '');
}

/** A setting of a profile as `todo config` names it: how to read a value typed, and how to show it. */
interface Setting {
  set(value: string): Partial<Profile>;
  get(profile: Profile): string;
}

/** The settings a profile has, as `todo config set` names them. */
const KEYS: Record<string, Setting> = {
  baseUrl: {
    set: (value) => ({ baseUrl: httpUrl('baseUrl', value, 'http://localhost:3000') }),
    get: (profile) => profile.baseUrl,
  },
  timeout: {
    set: (value) => {
      if (!/^\d+$/.test(value) || Number(value) < 100)
        throw new UsageError(`timeout is in milliseconds, at least 100 (got "${value}")`);
      return { timeoutMs: Number(value) };
    },
    get: (profile) => String(profile.timeoutMs),
  },
  authUrl: {
    set: (value) => ({
      authUrl: httpUrl('authUrl', value, 'https://todolist.auth.eu-west-1.amazoncognito.com'),
    }),
    get: (profile) => signInSettings(profile).authUrl,
  },
  clientId: {
    set: (value) => {
      if (!/^[\w+=,.@-]{1,128}$/.test(value))
        throw new UsageError(`clientId is 1–128 letters, digits or _+=,.@- (got "${value}")`);
      return { clientId: value };
    },
    get: (profile) => signInSettings(profile).clientId,
  },
};
const KEY_NAMES = 'baseUrl, timeout, authUrl or clientId';

function setting(key: string): Setting {
  const found = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
  if (!found) throw new UsageError(`unknown setting "${key}": use ${KEY_NAMES}`);
  return found;
}

async function profileName(context: Context, config: CliConfig, flag: string | undefined): Promise<string> {
  return checkProfileName(flag ?? (context.env.TODO_PROFILE || undefined) ?? config.defaultProfile);
}

export function registerConfig(program: Command, run: Runner, profileFlag: () => string | undefined): void {
  const config = program
    .command('config')
    .description(
      'show and change settings: named profiles, each with an API URL, a timeout and where to sign in',
    )
    .addHelpText(
      'after',
      `${examples('todo config list', 'todo config set baseUrl https://api.todolist.com --profile work', 'todo config use work', 'todo config get baseUrl')}
The profile used is --profile, else TODO_PROFILE, else the default one ("todo config use").
TODO_API_URL overrides the profile's baseUrl for one run. authUrl (default: the origin of
baseUrl) and clientId (default: todolist-cli) say where "todo login" signs in: on AWS, the CDK
outputs AuthUrl and CliClientId.\n`,
    );

  config
    .command('list', { isDefault: true })
    .description('list the profiles')
    .addOption(jsonOption())
    .addHelpText('after', examples('todo config list', 'todo config list --json'))
    .action((flags: OutputFlags) =>
      run(async (context) => {
        const mode = outputMode(flags);
        const current = await loadConfig(context.paths.configFile);
        const active = await profileName(context, current, profileFlag());
        if (mode !== 'human') return printData(context.io, mode, current, false);
        for (const [name, profile] of Object.entries(current.profiles)) {
          const mark = name === active ? context.io.color.green('*') : ' ';
          // A settings file may have been edited by hand: its text is data, escaped.
          const signIn = profile.authUrl ? `  sign-in ${safeText(profile.authUrl)}` : '';
          context.io.out(
            `${mark} ${safeText(name.padEnd(12))} ${safeText(profile.baseUrl)}  timeout ${profile.timeoutMs} ms${signIn}`,
          );
        }
        context.io.err(context.io.color.dim(`settings in ${context.paths.configFile}`));
      }),
    );

  config
    .command('get')
    .description('print one setting of the profile in use')
    .addArgument(choiceArgument('<key>', KEY_NAMES, Object.keys(KEYS)))
    .addHelpText('after', examples('todo config get baseUrl', 'todo config get timeout --profile work'))
    .action((key: string) =>
      run(async (context) => {
        const current = await loadConfig(context.paths.configFile);
        const name = await profileName(context, current, profileFlag());
        const profile = current.profiles[name];
        if (!profile) throw new UsageError(`no profile named "${name}"`);
        context.io.out(safeText(setting(key).get(profile)));
      }),
    );

  config
    .command('set')
    .description('change a setting of the profile in use, creating the profile if it is new')
    .addArgument(choiceArgument('<key>', KEY_NAMES, Object.keys(KEYS)))
    .argument('<value>', 'the new value')
    .addHelpText(
      'after',
      examples(
        'todo config set baseUrl https://api.todolist.com --profile work',
        'todo config set timeout 20000',
        'todo config set authUrl https://todolist.auth.eu-west-1.amazoncognito.com --profile aws',
        'todo config set clientId 1example23456789 --profile aws',
      ),
    )
    .action((key: string, value: string) =>
      run(async (context) => {
        const current = await loadConfig(context.paths.configFile);
        const name = await profileName(context, current, profileFlag());
        current.profiles[name] = {
          ...DEFAULT_PROFILE,
          ...current.profiles[name],
          ...setting(key).set(value),
        };
        await saveConfig(context.paths.configFile, current);
        context.io.err(`Set ${key} of profile ${name}.`);
      }),
    );

  config
    .command('use')
    .description('make a profile the default')
    .argument('<profile>', 'its name')
    .addHelpText('after', examples('todo config use work'))
    .action((name: string) =>
      run(async (context) => {
        const current = await loadConfig(context.paths.configFile);
        if (!current.profiles[checkProfileName(name)]) {
          throw new UsageError(
            `no profile named "${name}": create it with: todo config set baseUrl <url> --profile ${name}`,
          );
        }
        await saveConfig(context.paths.configFile, { ...current, defaultProfile: name });
        context.io.err(`Profile ${name} is now the default.`);
      }),
    );

  config
    .command('rm')
    .description('delete a profile')
    .argument('<profile>', 'its name')
    .addHelpText('after', examples('todo config rm work'))
    .action((name: string) =>
      run(async (context) => {
        const current = await loadConfig(context.paths.configFile);
        if (!current.profiles[name]) throw new UsageError(`no profile named "${name}"`);
        if (name === current.defaultProfile)
          throw new UsageError(`"${name}" is the default profile: "todo config use" another first`);
        delete current.profiles[name];
        await saveConfig(context.paths.configFile, current);
        context.io.err(`Deleted profile ${name}.`);
      }),
    );

  config
    .command('path')
    .description('print where the settings are kept')
    .addHelpText('after', examples('todo config path', '$EDITOR "$(todo config path)"'))
    .action(() => run(async (context) => context.io.out(context.paths.configFile)));
}
