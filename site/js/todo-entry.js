// @ts-check
// One todo as the page holds it: what the API last confirmed, plus the changes sent but not yet
// answered. What is shown is the confirmed todo with those changes laid over it, so undoing a
// refused change means dropping it from the list, whatever else happened meanwhile.
import { INBOX_LIST_ID } from '/vendor/todolist-sdk.min.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').Todo} Todo */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoPatch} TodoPatch */

/**
 * @typedef {object} Entry
 * @property {string} key the page's own id: stable from the moment a todo is typed, before the API gives it one
 * @property {Todo | null} confirmed the API's copy; null until its create is answered
 * @property {Todo} draft what was typed, shown until the create is answered
 * @property {{ patch: TodoPatch }[]} pending changes sent, not yet answered
 * @property {boolean} deleting hidden: a delete asked for, and not undone
 * @property {boolean} [gone] deleted on the server: what an undo creates again
 */

/**
 * @typedef {Todo & { key: string, saving: boolean }} ShownTodo a todo as the page shows it
 */

let counter = 0;
/** The key of a todo typed on this page, unique for the page's life. */
export const newKey = () => `new:${++counter}`;

/** An entry for a todo the API listed. @param {Todo} todo @returns {Entry} */
export const loadedEntry = (todo) => ({
  key: `id:${todo.id}`,
  confirmed: todo,
  draft: todo,
  pending: [],
  deleting: false,
});

/** Whether the todo was typed on this page (and so is newer than any the API lists). @param {Entry} entry */
export const addedHere = (entry) => entry.key.startsWith('new:');

/**
 * `todo` with `patch` applied as the API would apply it.
 * @param {Todo} todo
 * @param {TodoPatch} patch
 * @returns {Todo}
 */
export function applyPatch(todo, patch) {
  const next = { ...todo, ...patch, notes: todo.notes, dueDate: todo.dueDate, dueTime: todo.dueTime };
  if (patch.notes !== undefined) next.notes = patch.notes || null;
  if (patch.dueDate !== undefined) next.dueDate = patch.dueDate;
  if (patch.dueTime !== undefined) next.dueTime = patch.dueTime;
  if (patch.recurrence === null) next.recurrence = null;
  // A day cleared takes its time and repeat with it, as the API does.
  if (patch.dueDate === null) {
    next.dueTime = null;
    next.recurrence = null;
  }
  if (patch.tags) next.tags = [...new Set(patch.tags.map((tag) => tag.toLowerCase()))];
  if (patch.completed !== undefined && patch.completed !== todo.completed) {
    next.completedAt = patch.completed ? new Date().toISOString() : null;
  }
  return /** @type {Todo} */ (next);
}

/**
 * The todo as shown: confirmed (or drafted) with every pending change over it.
 * @param {Entry} entry
 * @returns {ShownTodo}
 */
export function shown(entry) {
  const base = entry.pending.reduce(
    (todo, { patch }) => applyPatch(todo, patch),
    entry.confirmed ?? entry.draft,
  );
  return { ...base, key: entry.key, saving: entry.confirmed === null || entry.pending.length > 0 };
}

/**
 * A todo for a title typed on the page, shown until the API answers with the real one.
 * @param {import('/vendor/todolist-sdk.min.js').TodoCreate} input
 * @returns {Todo}
 */
export function draftOf(input) {
  const now = new Date().toISOString();
  return {
    id: '',
    listId: input.listId ?? INBOX_LIST_ID,
    position: '',
    createdBy: '',
    updatedBy: '',
    title: input.title,
    notes: input.notes ?? null,
    completed: input.completed ?? false,
    completedAt: input.completed ? now : null,
    dueDate: input.dueDate ?? null,
    dueTime: input.dueTime ?? null,
    recurrence: input.recurrence ? { fromCompletion: false, ...input.recurrence } : null,
    completions: [],
    priority: input.priority ?? 'normal',
    tags: input.tags ?? [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/**
 * Whether someone else changed a field this patch changes, between `before` and `latest`: then
 * sending it again would overwrite their change without either person seeing the other's.
 * @param {TodoPatch} patch
 * @param {Todo} before
 * @param {Todo} latest
 */
export function collides(patch, before, latest) {
  return Object.keys(patch).some((field) => {
    const name = /** @type {keyof Todo} */ (field);
    return JSON.stringify(before[name]) !== JSON.stringify(latest[name]);
  });
}

/**
 * Whether `a` comes before `b` in their list's manual order: by position, then by id, as the API
 * sorts them.
 * @param {Todo} a
 * @param {Todo} b
 */
export const sortsBefore = (a, b) => a.position < b.position || (a.position === b.position && a.id < b.id);
