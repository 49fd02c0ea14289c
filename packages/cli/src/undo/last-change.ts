import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Todo } from '@todolist/sdk';
import { writeFileAtomically } from '../config/atomic-file.js';
import type { Context } from '../context.js';

// `todo undo` takes back the last delete, done, reopen or edit made with this profile. What it
// needs is kept beside the last list's rows in the cache folder: each todo as it was before the
// change, and the version the change gave it, so that undoing never overwrites a later change.

/** The changes `todo undo` takes back. */
export type ChangeKind = 'delete' | 'done' | 'reopen' | 'edit';

/** One todo a change touched. */
export interface ChangedTodo {
  /** The todo as it was just before the change. */
  before: Todo;
  /** The version the change left it at; `null` for a delete. */
  versionAfter: number | null;
}

/** The last change made, with every todo it touched (`todo rm 1 2` is one change). */
export interface LastChange {
  kind: ChangeKind;
  /** When it was made (ISO 8601). */
  at: string;
  todos: ChangedTodo[];
}

function fileFor(cacheDir: string, profile: string): string {
  return join(cacheDir, `last-change.${profile}.json`);
}

/** Remembers `todos` as the profile's last change, replacing the one before; nothing when none changed. */
export async function recordChange(context: Context, kind: ChangeKind, todos: ChangedTodo[]): Promise<void> {
  if (todos.length === 0) return;
  const change: LastChange = { kind, at: context.now().toISOString(), todos };
  await saveLastChange(context, change);
}

/** Writes the record as it is (owner-only, atomically); `undo` keeps what it could not take back. */
export async function saveLastChange(context: Context, change: LastChange): Promise<void> {
  const profile = (await context.profile()).name;
  await writeFileAtomically(fileFor(context.paths.cacheDir, profile), `${JSON.stringify(change)}\n`);
}

/** The profile's last change, or `undefined` when there is none to undo (a damaged record counts as none). */
export async function loadLastChange(context: Context): Promise<LastChange | undefined> {
  const profile = (await context.profile()).name;
  try {
    const change = JSON.parse(await readFile(fileFor(context.paths.cacheDir, profile), 'utf8')) as LastChange;
    return Array.isArray(change.todos) && change.todos.length > 0 ? change : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the last change once it is undone: a second `todo undo` has nothing to do. */
export async function forgetLastChange(context: Context): Promise<void> {
  const profile = (await context.profile()).name;
  await rm(fileFor(context.paths.cacheDir, profile), { force: true });
}
