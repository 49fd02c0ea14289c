import * as z from 'zod/mini';

// What an IANA zone name looks like ("Europe/Paris", "America/Argentina/Buenos_Aires", "UTC",
// "Etc/GMT+5"): Intl alone would also take offsets such as "+01:00", which are not zones and do
// not follow daylight saving.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/** Longest time zone name accepted (the longest IANA name has 32 characters). */
const MAX_TIME_ZONE_LENGTH = 64;

const MESSAGE = 'timeZone must be an IANA time zone such as Europe/Paris';

/** Whether this runtime knows `name` as a time zone. */
function isKnownZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A person's IANA time zone, such as `Europe/Paris`: "today" and "friday" are read in it. */
export const TimeZone = z
  .string(MESSAGE)
  .check(
    z.maxLength(MAX_TIME_ZONE_LENGTH, MESSAGE),
    z.regex(ZONE_NAME, MESSAGE),
    z.refine(isKnownZone, MESSAGE),
  );
