import { DEFAULT_PROFILE, loadConfig, profileNameFor, saveConfig } from '../../config/profiles.js';
import { type ConfigContext, settingKey } from './shared.js';

/** `todo config set`: changes a setting of the profile in use, creating the profile if it is new. */
export async function runConfigSet(
  context: ConfigContext,
  options: { key: string; value: string; profile: string | undefined },
): Promise<void> {
  const current = await loadConfig(context.paths.configFile);
  const name = profileNameFor(current, options.profile, context.env);
  const key = settingKey(options.key);
  // Loaded when used: the table reads the contract (see settings.ts).
  const { SETTINGS } = await import('./settings.js');
  current.profiles[name] = {
    ...DEFAULT_PROFILE,
    ...current.profiles[name],
    ...SETTINGS[key].set(options.value),
  };
  await saveConfig(context.paths.configFile, current);
  context.io.err(`Set ${key} of profile ${name}.`);
}
