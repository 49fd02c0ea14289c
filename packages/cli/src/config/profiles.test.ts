import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activeProfile, defaultConfig, loadConfig, saveConfig } from './profiles.js';

let folder: string | undefined;
afterEach(async () => folder && rm(folder, { recursive: true, force: true }));

describe('profiles', () => {
  it('starts with a default profile pointing at the local gateway', () => {
    expect(activeProfile(defaultConfig(), undefined, {})).toEqual({
      name: 'default',
      baseUrl: 'http://localhost:3000',
      timeoutMs: 10_000,
    });
  });

  it('takes --profile over TODO_PROFILE over the default, and TODO_API_URL over the profile URL', () => {
    const config = {
      defaultProfile: 'default',
      profiles: { ...defaultConfig().profiles, work: { baseUrl: 'https://api.work.test', timeoutMs: 5000 } },
    };
    expect(activeProfile(config, undefined, { TODO_PROFILE: 'work' }).baseUrl).toBe('https://api.work.test');
    expect(activeProfile(config, 'default', { TODO_PROFILE: 'work' }).name).toBe('default');
    expect(activeProfile(config, 'work', { TODO_API_URL: 'http://127.0.0.1:9999' }).baseUrl).toBe(
      'http://127.0.0.1:9999',
    );
    expect(() => activeProfile(config, 'home', {})).toThrow(/no profile named "home"/);
  });

  it('saves owner-only and reads back what it saved', async () => {
    folder = await mkdtemp(join(tmpdir(), 'todo-config-'));
    const file = join(folder, 'nested', 'config.json');
    const config = { ...defaultConfig(), defaultProfile: 'default' };
    await saveConfig(file, config);
    expect(await loadConfig(file)).toEqual(config);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a broken config file instead of silently replacing it', async () => {
    folder = await mkdtemp(join(tmpdir(), 'todo-config-'));
    const file = join(folder, 'config.json');
    await writeFile(file, '{ not json');
    await expect(loadConfig(file)).rejects.toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});
