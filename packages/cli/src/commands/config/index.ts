import type { Command } from 'commander';
import type { OutputFlags } from '../../output/mode.js';
import { choiceArgument, examples, jsonOption, type Runner } from '../shared.js';
import { runConfigGet } from './get.js';
import { runConfigList } from './list.js';
import { runConfigPath } from './path.js';
import { runConfigRm } from './rm.js';
import { runConfigSet } from './set.js';
import { SETTING_KEY_NAMES, SETTING_KEYS } from './shared.js';
import { runConfigUse } from './use.js';

/** `todo config` and its verbs: the settings, as named profiles. */
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
outputs AuthUrl and CliClientId. liveUrl (default: baseUrl's own /v1/live, as ws: or wss:) is
where "todo watch" connects: on AWS, the CDK output LiveUrl.\n`,
    );

  config
    .command('list', { isDefault: true })
    .description('list the profiles')
    .addOption(jsonOption())
    .addHelpText('after', examples('todo config list', 'todo config list --json'))
    .action((flags: OutputFlags) =>
      run((context) => runConfigList(context, { ...flags, profile: profileFlag() })),
    );

  config
    .command('get')
    .description('print one setting of the profile in use')
    .addArgument(choiceArgument('<key>', SETTING_KEY_NAMES, SETTING_KEYS))
    .addHelpText('after', examples('todo config get baseUrl', 'todo config get timeout --profile work'))
    .action((key: string) => run((context) => runConfigGet(context, { key, profile: profileFlag() })));

  config
    .command('set')
    .description('change a setting of the profile in use, creating the profile if it is new')
    .addArgument(choiceArgument('<key>', SETTING_KEY_NAMES, SETTING_KEYS))
    .argument('<value>', 'the new value')
    .addHelpText(
      'after',
      examples(
        'todo config set baseUrl https://api.todolist.com --profile work',
        'todo config set timeout 20000',
        'todo config set authUrl https://todolist.auth.eu-west-1.amazoncognito.com --profile aws',
        'todo config set clientId 1example23456789 --profile aws',
        'todo config set liveUrl wss://abc123.execute-api.eu-west-1.amazonaws.com/live --profile aws',
      ),
    )
    .action((key: string, value: string) =>
      run((context) => runConfigSet(context, { key, value, profile: profileFlag() })),
    );

  // The two verbs that name a profile.
  const profileVerbs = [
    ['use', 'make a profile the default', runConfigUse],
    ['rm', 'delete a profile', runConfigRm],
  ] as const;
  for (const [verb, description, runVerb] of profileVerbs) {
    config
      .command(verb)
      .description(description)
      .argument('<profile>', 'its name')
      .addHelpText('after', examples(`todo config ${verb} work`))
      .action((name: string) => run((context) => runVerb(context, { name })));
  }

  config
    .command('path')
    .description('print where the settings are kept')
    .addHelpText('after', examples('todo config path', '$EDITOR "$(todo config path)"'))
    .action(() => run((context) => runConfigPath(context)));
}
