import type { Profile } from './config/profiles.js';

/** The system's IANA time zone (`TZ`, else the machine's), as Intl resolves it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The time zone quick add reads "today" and "friday" in: the profile's `timeZone`, else the system's. */
export function timeZoneOf(profile: Pick<Profile, 'timeZone'>): string {
  return profile.timeZone ?? systemTimeZone();
}
