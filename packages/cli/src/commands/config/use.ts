import { checkProfileName, loadConfig, saveConfig } from '../../config/profiles.js';
import { UsageError } from '../../errors.js';
import type { ConfigContext } from './shared.js';

/** `todo config use`: makes a profile the default, once it exists. */
export async function runConfigUse(context: ConfigContext, options: { name: string }): Promise<void> {
  const { name } = options;
  const current = await loadConfig(context.paths.configFile);
  if (!current.profiles[checkProfileName(name)]) {
    throw new UsageError(
      `no profile named "${name}": create it with: todo config set baseUrl <url> --profile ${name}`,
    );
  }
  await saveConfig(context.paths.configFile, { ...current, defaultProfile: name });
  context.io.err(`Profile ${name} is now the default.`);
}
