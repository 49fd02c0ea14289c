// The reader's calendar day and wall-clock time in an IANA zone, as the API reads "today" and
// "overdue" for them (a repeat's next day, a listing's filter).

/** Today in `timeZone`, `YYYY-MM-DD`. */
export function dayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The time in `timeZone`, `HH:MM` (00–23). */
export function timeIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}
