/**
 * Where a todo's due day stands, in one vocabulary for every client (the page's badges, the
 * CLI's list): `overdue` (before today and not done), `today`, `upcoming` (after today, or
 * before it but done), or `none` (no due day).
 */
export type DueState = 'overdue' | 'today' | 'upcoming' | 'none';

/** A moment as the reader's own calendar day, `YYYY-MM-DD`: due days are read in local time. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** A moment as the reader's own wall-clock time, `HH:MM`: due times are read in local time. */
export function localTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * How `todo`'s due day stands on `today` (`YYYY-MM-DD`, the reader's day: {@link localDay});
 * given the reader's time `now` (`HH:MM`: {@link localTime}), an open todo due today at a time
 * already past is overdue.
 *
 * @example
 * ```ts
 * dueState({ dueDate: '2026-11-30', completed: false }, localDay(new Date())); // 'overdue', from Dec 1
 * dueState({ dueDate: '2026-12-02', dueTime: '09:00', completed: false }, '2026-12-02', '10:30'); // 'overdue'
 * ```
 */
export function dueState(
  todo: { dueDate: string | null; dueTime?: string | null; completed: boolean },
  today: string,
  now?: string,
): DueState {
  if (!todo.dueDate) return 'none';
  if (todo.dueDate === today) {
    const past = !todo.completed && !!todo.dueTime && now !== undefined && todo.dueTime < now;
    return past ? 'overdue' : 'today';
  }
  return todo.dueDate < today && !todo.completed ? 'overdue' : 'upcoming';
}
