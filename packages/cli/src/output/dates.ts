import { localDay } from '@todolist/sdk/contract';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * `today`, `tomorrow`, `yesterday`, `in 3 days`, `5 days ago`; the date itself past two weeks.
 * Days are counted in the reader's calendar, the contract's {@link localDay}, as the state of a
 * due day (`dueState`) is.
 */
export function describeDue(dueDate: string, now: Date): string {
  const days = daysBetween(localDay(now), dueDate);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days <= 14) return `in ${days} days`;
  if (days < -1 && days >= -14) return `${-days} days ago`;
  return dueDate;
}
