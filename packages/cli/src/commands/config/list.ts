import { loadConfig, profileNameFor } from '../../config/profiles.js';
import { type OutputFlags, outputMode, printData } from '../../output/mode.js';
import { safeText } from '../../output/safe-text.js';
import type { ConfigContext } from './shared.js';

/** `todo config list`: the profiles, the one in use marked, or the settings file's content as JSON. */
export async function runConfigList(
  context: ConfigContext,
  options: OutputFlags & { profile: string | undefined },
): Promise<void> {
  const { io, paths } = context;
  const mode = outputMode(options);
  const current = await loadConfig(paths.configFile);
  const active = profileNameFor(current, options.profile, context.env);
  if (mode !== 'human') return printData(io, mode, current, false);
  for (const [name, profile] of Object.entries(current.profiles)) {
    const mark = name === active ? io.color.green('*') : ' ';
    // A settings file may have been edited by hand: its text is data, escaped.
    const signIn = profile.authUrl ? `  sign-in ${safeText(profile.authUrl)}` : '';
    io.out(
      `${mark} ${safeText(name.padEnd(12))} ${safeText(profile.baseUrl)}  timeout ${profile.timeoutMs} ms${signIn}`,
    );
  }
  io.err(io.color.dim(`settings in ${paths.configFile}`));
}
