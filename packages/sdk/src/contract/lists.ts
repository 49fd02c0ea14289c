import * as z from 'zod/mini';
import { DEFAULT_PAGE_SIZE, MAX_LIST_NAME_LENGTH } from './limits.js';
import { Cursor, PageSize } from './list.js';
import { ListId } from './list-id.js';
import { mustBeOneOf } from './messages.js';
import { oneLineText, Timestamp } from './text.js';

/** A list's name: trimmed, 1 to {@link MAX_LIST_NAME_LENGTH} characters, on one line. */
export const ListName = oneLineText('name', MAX_LIST_NAME_LENGTH);

/**
 * Whether two list names are the same name, case aside: the API keeps a person's list names
 * unique so, and a name typed in quick add (`@groceries`) or the CLI finds its list so.
 */
export function sameListName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');
}

const ROLES = ['owner', 'member'] as const;

/** The caller's part in a list: its owner, or a member it was shared with. */
export const ListRole = z.enum(ROLES);
export type ListRole = z.infer<typeof ListRole>;

/** A list as the API returns it. */
export const List = z.object({
  id: z.string(),
  name: z.string(),
  /** True for the Inbox alone. */
  inbox: z.boolean(),
  /** Hidden from the default views (a list of all todos leaves its todos out), still readable. */
  archived: z.boolean(),
  role: ListRole,
  /** Whether anyone besides the owner is on it (members or invitations). */
  shared: z.boolean(),
  /** The owner's `sub`. */
  ownerId: z.string(),
  /** How many of its todos are not completed. */
  openCount: z.int(),
  /** When it was made; null for the Inbox, which has always been there. */
  createdAt: z.nullable(Timestamp),
  updatedAt: z.nullable(Timestamp),
  version: z.int().check(z.minimum(1)),
});
export type List = z.infer<typeof List>;

/** The body of `createList`. */
export const ListCreate = z.strictObject({ name: ListName });
export type ListCreate = z.input<typeof ListCreate>;

/** The body of `updateList`: a new name, archived or not, or both. */
export const ListPatch = z
  .strictObject({ name: z.optional(ListName), archived: z.optional(z.boolean()) })
  .check(
    z.refine((patch) => Object.keys(patch).length > 0, {
      error: 'a patch must change at least one of name, archived',
    }),
  );
export type ListPatch = z.input<typeof ListPatch>;

const ARCHIVED = ['exclude', 'include', 'only'] as const;

/** The query of `listLists`. The Inbox comes first, then lists in the order they were made. */
export const ListsQuery = z.strictObject({
  archived: z._default(z.enum(ARCHIVED, { error: mustBeOneOf('archived', ARCHIVED) }), 'exclude'),
  limit: z._default(PageSize, DEFAULT_PAGE_SIZE),
  cursor: z.optional(Cursor),
});
export type ListsQuery = z.input<typeof ListsQuery>;
export type ListsFilter = z.output<typeof ListsQuery>;

/** One page of lists; `nextCursor` is null on the last page. */
export const ListPage = z.object({ items: z.array(List), nextCursor: z.nullable(z.string()) });
export type ListPage = z.infer<typeof ListPage>;

/** The path parameters of the routes on one list. */
export const ListPathParams = z.strictObject({ listId: ListId });

/**
 * The query of `deleteList`: a list that still has todos is deleted only with them
 * (`todos=delete`) or once they are moved to another list (`moveTo`).
 */
export const ListDeleteQuery = z
  .strictObject({
    todos: z.optional(z.enum(['delete'], { error: 'todos must be "delete" (or give moveTo=<listId>)' })),
    moveTo: z.optional(ListId),
  })
  .check(
    z.refine((query) => !(query.todos && query.moveTo), {
      error: 'give either todos=delete or moveTo=<listId>, not both',
    }),
  );
export type ListDeleteQuery = z.input<typeof ListDeleteQuery>;
