// @todolist/sdk/quick-add: one reading of quick-add text for every client (the CLI, the page, the
// handlers, the MCP server), offline too. Its own entry, as it carries chrono-node: the SDK's main
// entry and browser bundle must not.
export { keepListWords } from './keep-list-words.js';
export { listNamed, type NamedList } from './list-named.js';
export { parseQuickAdd } from './parse.js';
export { LIST_SIGIL, NOTES_SEPARATOR, TAG_SIGIL } from './sigils.js';
export { toTodoCreate } from './to-todo-create.js';
export type { QuickAddOptions, QuickAddParse, Recurrence, Taken, TakenKind } from './types.js';
