import type { Profile } from '../../config/profiles.js';
import { signInSettings } from '../../config/sign-in.js';
import { UsageError } from '../../errors.js';
import type { SettingKey } from './shared.js';

// Loaded by `config get` and `set` when they run: where a profile signs in is the contract's
// (its default client id), which `todo --version` never loads.

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
export interface Setting {
  set(value: string): Partial<Profile>;
  get(profile: Profile): string;
}

/** Each key `todo config get` and `set` take; a key without its setting fails to compile. */
export const SETTINGS = {
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
} satisfies Record<SettingKey, Setting>;
