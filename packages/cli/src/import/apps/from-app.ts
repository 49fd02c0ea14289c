import type { Context } from '../../context.js';
import { checkedTimeZone } from '../../quick-add-words.js';
import type { SourceRow } from '../read-rows.js';
import { AppNotices } from './app-notices.js';
import type { ImportApp } from './apps.js';
import { readAppRows } from './read-app-rows.js';

/**
 * The rows of another app's file, read in the profile's time zone (the days and times of
 * Taskwarrior's UTC dates, the repeats' zone), and the notices of what could not be kept.
 */
export async function appRows(
  context: Context,
  app: ImportApp,
  file: string,
): Promise<{ rows: AsyncIterable<SourceRow>; notices: AppNotices }> {
  const timeZone = checkedTimeZone(await context.profile());
  const notices = new AppNotices();
  const rows = await readAppRows(app, file, {
    timeZone,
    now: context.now(),
    notice: notices.notice,
    skip: notices.skip,
  });
  return { rows, notices };
}
