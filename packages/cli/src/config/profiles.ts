import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { writeFileAtomically } from './atomic-file.js';

/** One named set of settings: which API, and how long to wait for it. */
export interface Profile {
  /** The API's base URL, without `/v1`. */
  baseUrl: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  /** The authorization server to sign in at. @default the origin of `baseUrl` (the local gateway) */
  authUrl?: string;
  /** The OAuth app client the CLI signs in as. @default the contract's `APP_CLIENT_IDS.cli` ('todolist-cli') */
  clientId?: string;
  /**
   * Where `todo watch` opens its live WebSocket: on AWS, the stack's `LiveUrl` output.
   * @default derived from `baseUrl` by the SDK (ws: or wss:, path /v1/live), as the local gateway serves it
   */
  liveUrl?: string;
  /**
   * The IANA time zone `todo add` reads "today", "friday" and "dec 24" in.
   * @default the system's (`TZ`, else the machine's)
   */
  timeZone?: string;
}

/** What `config.json` holds. */
export interface CliConfig {
  /** The profile used when neither `--profile` nor `TODO_PROFILE` names one. */
  defaultProfile: string;
  profiles: Record<string, Profile>;
}

/** The local gateway that `npm start` runs. */
export const DEFAULT_PROFILE: Profile = { baseUrl: 'http://localhost:3000', timeoutMs: 10_000 };

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function defaultConfig(): CliConfig {
  return { defaultProfile: 'default', profiles: { default: { ...DEFAULT_PROFILE } } };
}

/** Reads `config.json`, or the defaults when there is none yet. A broken file is an error, never silently replaced. */
export async function loadConfig(file: string): Promise<CliConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig();
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<CliConfig>;
    return { ...defaultConfig(), ...parsed, profiles: { ...defaultConfig().profiles, ...parsed.profiles } };
  } catch {
    throw new UsageError(`${file} is not valid JSON: fix it or delete it to start again`);
  }
}

/** Writes `config.json` atomically (a crash mid-write never leaves half a file). */
export async function saveConfig(file: string, config: CliConfig): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(config, null, 2)}\n`);
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new UsageError(`profile names are 1–64 letters, digits, "-" or "_" (got "${name}")`);
  }
  return name;
}

/** The profile in use and where its settings came from. */
export interface ActiveProfile extends Profile {
  name: string;
}

/** The name of the profile a command uses: `--profile`, else `TODO_PROFILE`, else the default one. */
export function profileNameFor(config: CliConfig, flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return checkProfileName(flag ?? (env.TODO_PROFILE || undefined) ?? config.defaultProfile);
}

/** The profile a command uses ({@link profileNameFor}); then `TODO_API_URL` overrides its base URL. */
export function activeProfile(
  config: CliConfig,
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): ActiveProfile {
  const name = profileNameFor(config, flag, env);
  const profile = config.profiles[name];
  if (!profile) {
    const known = Object.keys(config.profiles).join(', ');
    throw new UsageError(
      `no profile named "${name}" (profiles: ${known}); create it with: todo config set baseUrl <url> --profile ${name}`,
    );
  }
  if (env.TODO_API_URL && !isHttpUrl(env.TODO_API_URL)) {
    throw new UsageError(
      `TODO_API_URL must be an http(s) URL such as http://localhost:3000 (got "${env.TODO_API_URL}")`,
    );
  }
  return { name, ...profile, ...(env.TODO_API_URL ? { baseUrl: env.TODO_API_URL } : {}) };
}
