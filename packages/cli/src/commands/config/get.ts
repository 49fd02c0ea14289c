import { loadConfig, profileNameFor } from '../../config/profiles.js';
import { UsageError } from '../../errors.js';
import { safeText } from '../../output/safe-text.js';
import { type ConfigContext, settingKey } from './shared.js';

/** `todo config get`: one setting of the profile in use, alone on stdout, for `$(todo config get …)`. */
export async function runConfigGet(
  context: ConfigContext,
  options: { key: string; profile: string | undefined },
): Promise<void> {
  const current = await loadConfig(context.paths.configFile);
  const name = profileNameFor(current, options.profile, context.env);
  const profile = current.profiles[name];
  if (!profile) throw new UsageError(`no profile named "${name}"`);
  const key = settingKey(options.key);
  // Loaded when used: the table reads the contract (see settings.ts).
  const { SETTINGS } = await import('./settings.js');
  context.io.out(safeText(SETTINGS[key].get(profile)));
}
