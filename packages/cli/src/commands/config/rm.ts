import { loadConfig, saveConfig } from '../../config/profiles.js';
import { UsageError } from '../../errors.js';
import type { ConfigContext } from './shared.js';

/** `todo config rm`: deletes a profile, never the default one. */
export async function runConfigRm(context: ConfigContext, options: { name: string }): Promise<void> {
  const { name } = options;
  const current = await loadConfig(context.paths.configFile);
  if (!current.profiles[name]) throw new UsageError(`no profile named "${name}"`);
  if (name === current.defaultProfile)
    throw new UsageError(`"${name}" is the default profile: "todo config use" another first`);
  delete current.profiles[name];
  await saveConfig(context.paths.configFile, current);
  context.io.err(`Deleted profile ${name}.`);
}
