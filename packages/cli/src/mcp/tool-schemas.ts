import {
  FilterQuery,
  MAX_IMPORT_ITEMS,
  MAX_PAGE_SIZE,
  MAX_QUICK_ADD_TEXT_LENGTH,
  SearchQuery,
  TodoCreate,
  TodoImportItem,
  TodoListQuery,
  TodoPatch,
  TodoSort,
  TodoStatus,
} from '@todolist/sdk/contract';
import * as z from 'zod/mini';

// The tools' inputs, made of the contract's own field schemas: the MCP SDK turns them into the
// JSON Schema an assistant sees (z.toJSONSchema) and checks each call against them, so a tool
// takes exactly what the API takes. `.check(z.describe(…))` makes a copy: the contract's shared
// schemas keep no description of ours.

const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text));

/** A todo, as `todo` takes one: its id, the short id a listing shows, or a unique prefix of the id. */
const TodoRef = describe(
  z.string().check(z.minLength(1)),
  'the todo: its id, or the shortId a listing answered',
);

/** A list, as `todo` takes one: a name or an unambiguous prefix of one (any case), its id, or "inbox". */
const ListRef = describe(
  z.string().check(z.minLength(1)),
  'a list: its name or an unambiguous prefix of one (any case), its id, or "inbox"',
);

const Limit = describe(
  z.int().check(z.minimum(1), z.maximum(MAX_PAGE_SIZE)),
  `at most this many todos (default 50, at most ${MAX_PAGE_SIZE})`,
);

const Status = describe(TodoStatus, 'open (the default), completed, or all');

/** `list_todos`: TodoListQuery's fields, the list by name and the filter in the filter language. */
export const ListTodosInput = z.strictObject({
  filter: z.optional(
    describe(
      FilterQuery,
      'a filter in the filter language, its days read in the person\'s time zone: "(today | overdue) & #work & !p3"',
    ),
  ),
  list: z.optional(ListRef),
  status: z.optional(Status),
  sort: z.optional(describe(TodoSort, 'due (the default), priority, created, or manual (one list only)')),
  tag: TodoListQuery.shape.tag,
  dueBefore: TodoListQuery.shape.dueBefore,
  dueAfter: TodoListQuery.shape.dueAfter,
  limit: z.optional(Limit),
});
export type ListTodosInput = z.output<typeof ListTodosInput>;

/** `search_todos`: words the title or notes must all hold. */
export const SearchTodosInput = z.strictObject({
  words: describe(SearchQuery, 'words the title or notes must all hold, case and accents aside'),
  list: z.optional(ListRef),
  status: z.optional(Status),
  limit: z.optional(Limit),
});
export type SearchTodosInput = z.output<typeof SearchTodosInput>;

const { listId: _listId, completed: _completed, title, ...createFields } = TodoCreate.shape;

/** `add_todo`: quick-add text, or the create's fields; the fields win over what the text says. */
export const AddTodoInput = z.strictObject({
  text: z.optional(
    describe(
      z.string().check(z.minLength(1), z.maxLength(MAX_QUICK_ADD_TEXT_LENGTH)),
      'quick-add text, read as `todo add` reads it: "Pay rent tomorrow 9am p1 #home @Flat // by transfer" (a day, a time, p1–p3, #tags, @list, notes after //, "every mon")',
    ),
  ),
  title: z.optional(title),
  ...createFields,
  list: z.optional(ListRef),
});
export type AddTodoInput = z.output<typeof AddTodoInput>;

const { listId: _moveTo, after: _after, completed: _done, ...patchFields } = TodoPatch.shape;

/** `update_todo`: the todo, and the fields to change (null clears notes, dueDate, dueTime, recurrence). */
export const UpdateTodoInput = z.strictObject({ id: TodoRef, ...patchFields });
export type UpdateTodoInput = z.output<typeof UpdateTodoInput>;

/** `complete_todo`, `reopen_todo`, `delete_todo`: one todo. */
export const OneTodoInput = z.strictObject({ id: TodoRef });
export type OneTodoInput = z.output<typeof OneTodoInput>;

/** `move_todo`: the todo and the list it goes to (last in its order). */
export const MoveTodoInput = z.strictObject({ id: TodoRef, list: ListRef });
export type MoveTodoInput = z.output<typeof MoveTodoInput>;

/** `list_lists`: whether archived lists are shown too. */
export const ListListsInput = z.strictObject({
  archived: z.optional(describe(z.boolean(), 'include archived lists (default: false)')),
});
export type ListListsInput = z.output<typeof ListListsInput>;

/** How many todos one `import_todos` call takes: `importMany` sends them in batches of MAX_IMPORT_ITEMS. */
const MAX_IMPORT_TODOS = MAX_IMPORT_ITEMS * 10;

/** `import_todos`: many creates at once, into one list unless an item names its own `listId`. */
export const ImportTodosInput = z.strictObject({
  todos: z
    .array(TodoImportItem)
    .check(
      z.minLength(1),
      z.maxLength(MAX_IMPORT_TODOS),
      z.describe(`the todos (at most ${MAX_IMPORT_TODOS}), as createTodo bodies`),
    ),
  list: z.optional(describe(ListRef, 'the list every todo without a listId goes to (default: the Inbox)')),
});
export type ImportTodosInput = z.output<typeof ImportTodosInput>;
