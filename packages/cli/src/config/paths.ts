import { join } from 'node:path';
import envPaths from 'env-paths';

/** The folders the CLI keeps its files in: the platform's own (XDG on Linux, Library on macOS, AppData on Windows). */
export interface CliPaths {
  /** `config.json`: the profiles. */
  configFile: string;
  /** The cache folder: what the last `todo list` showed, per profile. */
  cacheDir: string;
  /** The sign-in tokens, one file per profile, readable by the owner only. */
  tokensDir: string;
}

export function cliPaths(env: NodeJS.ProcessEnv = process.env): CliPaths {
  // TODO_CONFIG_DIR moves them all, for tests and for people who keep dotfiles elsewhere.
  if (env.TODO_CONFIG_DIR) {
    return {
      configFile: join(env.TODO_CONFIG_DIR, 'config.json'),
      cacheDir: join(env.TODO_CONFIG_DIR, 'cache'),
      tokensDir: join(env.TODO_CONFIG_DIR, 'tokens'),
    };
  }
  const paths = envPaths('todolist', { suffix: '' });
  return {
    configFile: join(paths.config, 'config.json'),
    cacheDir: paths.cache,
    tokensDir: join(paths.config, 'tokens'),
  };
}
