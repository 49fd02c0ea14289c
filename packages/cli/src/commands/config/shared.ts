import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

/** What a `todo config` verb works with: the streams, where the settings are, the environment. */
export type ConfigContext = Pick<Context, 'io' | 'paths' | 'env'>;

/** The settings a profile has, as `todo config get` and `set` name them (and completion offers them). */
export const SETTING_KEYS = ['baseUrl', 'timeout', 'authUrl', 'clientId', 'liveUrl', 'timeZone'] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

/** The keys as a sentence names them: `baseUrl, timeout, authUrl or clientId`. */
export const SETTING_KEY_NAMES = `${SETTING_KEYS.slice(0, -1).join(', ')} or ${SETTING_KEYS.at(-1)}`;

/** The key as typed, checked: an unknown one is exit 2, naming the known ones. */
export function settingKey(key: string): SettingKey {
  if (!(SETTING_KEYS as readonly string[]).includes(key))
    throw new UsageError(`unknown setting "${key}": use ${SETTING_KEY_NAMES}`);
  return key as SettingKey;
}
