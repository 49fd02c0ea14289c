import { LIVE_PATH, TimeZone } from '@todolist/sdk/contract';
import type { Profile } from '../../config/profiles.js';
import { signInSettings } from '../../config/sign-in.js';
import { UsageError } from '../../errors.js';
import { timeZoneOf } from '../../time-zone.js';
import type { SettingKey } from './shared.js';

// Loaded by `config get` and `set` when they run: where a profile signs in is the contract's
// (its default client id), which `todo --version` never loads.

/** What a URL setting takes: two schemes (`http`, `https`), named in its messages as `an http(s) URL`. */
interface UrlKind {
  schemes: readonly [string, string];
  named: string;
}

const HTTP: UrlKind = { schemes: ['http', 'https'], named: 'an http(s) URL' };
const WS: UrlKind = { schemes: ['ws', 'wss'], named: 'a ws: or wss: URL' };

/** A URL typed for `key`, of one of `kind`'s schemes, without a trailing slash. */
function checkedUrl(key: string, value: string, kind: UrlKind, example: string): string {
  const [plain, secure] = kind.schemes;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${key} must be ${kind.named} such as ${example} (got "${value}")`);
  }
  if (url.protocol !== `${plain}:` && url.protocol !== `${secure}:`)
    throw new UsageError(`${key} must be ${plain} or ${secure} (got "${value}")`);
  return url.href.replace(/\/+$/, '');
}

const httpUrl = (key: string, value: string, example: string) => checkedUrl(key, value, HTTP, example);

/** The live URL the SDK derives from `baseUrl` when none is set (its `liveUrlOf`), to show what `watch` uses. */
function derivedLiveUrl(baseUrl: string): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${LIVE_PATH}`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
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
  liveUrl: {
    set: (value) => ({
      liveUrl: checkedUrl('liveUrl', value, WS, 'wss://abc123.execute-api.eu-west-1.amazonaws.com/live'),
    }),
    get: (profile) => profile.liveUrl ?? derivedLiveUrl(profile.baseUrl),
  },
  timeZone: {
    set: (value) => {
      if (!TimeZone.safeParse(value).success)
        throw new UsageError(`timeZone must be an IANA time zone such as Europe/Paris (got "${value}")`);
      return { timeZone: value };
    },
    get: (profile) => timeZoneOf(profile),
  },
} satisfies Record<SettingKey, Setting>;
