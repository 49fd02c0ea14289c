import type { SourceRow } from '../read-rows.js';
import type { AppReadOptions } from './app-rows.js';
import type { ImportApp } from './apps.js';

/** The rows of another app's file, read by that app's reader (loaded for it alone). */
export async function readAppRows(
  app: ImportApp,
  file: string,
  options: AppReadOptions,
): Promise<AsyncIterable<SourceRow>> {
  if (app === 'todoist') return (await import('./todoist.js')).todoistRows(file, options);
  if (app === 'taskwarrior') return (await import('./taskwarrior.js')).taskwarriorRows(file, options);
  return (await import('./todotxt.js')).todotxtRows(file, options);
}
