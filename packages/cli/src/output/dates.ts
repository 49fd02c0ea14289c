/** A `Date` as the local calendar day, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** How a due day stands today: a todo is due on a day of the reader's own calendar. */
export type DueState = 'overdue' | 'today' | 'upcoming' | 'none';

export function dueState(dueDate: string | null, completed: boolean, now: Date): DueState {
  if (!dueDate) return 'none';
  const today = localDay(now);
  if (dueDate === today) return 'today';
  return dueDate < today && !completed ? 'overdue' : 'upcoming';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `today`, `tomorrow`, `yesterday`, `in 3 days`, `5 days ago`; the date itself past two weeks. */
export function describeDue(dueDate: string, now: Date): string {
  const days = daysBetween(localDay(now), dueDate);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days <= 14) return `in ${days} days`;
  if (days < -1 && days >= -14) return `${-days} days ago`;
  return dueDate;
}
