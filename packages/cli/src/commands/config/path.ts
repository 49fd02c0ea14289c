import type { ConfigContext } from './shared.js';

/** `todo config path`: where the settings file is, alone on stdout, for `$EDITOR "$(todo config path)"`. */
export async function runConfigPath(context: ConfigContext): Promise<void> {
  context.io.out(context.paths.configFile);
}
