import { type List, TimeZone } from '@todolist/sdk/contract';
import type { QuickAddParse } from '@todolist/sdk/quick-add';
import type { ActiveProfile } from './config/profiles.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import type { ListBook } from './lists/list-book.js';
import { timeZoneOf } from './time-zone.js';

// `todo add`'s words, read as the page and the API read quick-add text: one parser, the SDK's
// (@todolist/sdk/quick-add, with chrono-node), loaded only when a title is typed.

/** What `todo add`'s words say, and the list their `@name` means (none when it names no list). */
export interface AddWords {
  parse: QuickAddParse;
  list?: List;
  /** An `@name` that fits none of the person's lists: its words stayed in the title. */
  unknownList?: string;
}

/** The profile's time zone (else the system's), refused when it is no IANA zone. */
export function checkedTimeZone(profile: Pick<ActiveProfile, 'name' | 'timeZone'>): string {
  const timeZone = timeZoneOf(profile);
  // The setting is checked when set; a config.json edited by hand may still hold anything.
  if (!TimeZone.safeParse(timeZone).success)
    throw new UsageError(
      `the timeZone of profile ${profile.name} ("${timeZone}") is not an IANA time zone: todo config set timeZone Europe/Paris`,
    );
  return timeZone;
}

/**
 * Reads `text` at the context's clock, in the profile's time zone; `@name` finds a list the
 * person can see by its whole name, case aside, as the API's quick add does (an unarchived one
 * first), and an unknown name stays in the title.
 */
export async function readAddWords(
  context: Context,
  text: string,
  book: () => Promise<ListBook>,
): Promise<AddWords> {
  const [{ parseQuickAdd, listNamed }, profile] = await Promise.all([
    import('@todolist/sdk/quick-add'),
    context.profile(),
  ]);
  const timeZone = checkedTimeZone(profile);
  const parse = parseQuickAdd(text, { now: context.now(), timeZone });
  if (parse.list === undefined) return { parse };
  return listNamed(text, parse, await (await book()).all());
}
