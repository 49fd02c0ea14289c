import type { Day } from '../contract/calendar.js';

// Intl gives a zone's offset and wall clock at a moment; chrono takes a fixed offset in minutes,
// not an IANA name, so the offset at "now" is worked out here.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        timeZoneName: 'longOffset',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    } catch (cause) {
      throw new RangeError(
        `timeZone must be an IANA time zone such as Europe/Paris (got ${JSON.stringify(timeZone)})`,
        {
          cause,
        },
      );
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** The person's day at `instant`, and their zone's offset from UTC then, in minutes (east positive). */
export function zonedNow(instant: Date, timeZone: string): { today: Day; offsetMinutes: number } {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  // "GMT+05:30", "GMT-08:00", or "GMT" for UTC itself.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? '');
  const offsetMinutes = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  return {
    today: { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) },
    offsetMinutes,
  };
}
