import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ListQuery, ListsListQuery, Todo } from '@todolist/sdk';
import type { Context } from '../context.js';
import { ListBook } from '../lists/list-book.js';
import { timeZoneOf } from '../time-zone.js';
import { compactList, listLine, todoLine } from './compact.js';
import type { ShownTodos } from './shown-todos.js';
import { guarded, toolResult } from './tool-result.js';
import { ListListsInput, ListTodosInput, SearchTodosInput } from './tool-schemas.js';

/** A listing's size when the call names none: a screenful, as `todo list` shows. */
const DEFAULT_LIMIT = 50;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

/** The todos a listing or a search asks for, at most `limit`, compact. */
async function listTodos(
  context: Context,
  shown: ShownTodos,
  input: ListTodosInput & { words?: string },
): Promise<ReturnType<typeof toolResult>> {
  const client = await context.client();
  // A fresh book per call: the server lives long, and lists change meanwhile.
  const only = input.list ? await new ListBook(client, context.signal).resolve(input.list) : undefined;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const query: Omit<ListQuery, 'cursor'> = {
    status: input.status ?? 'open',
    sort: input.sort ?? (only ? 'manual' : 'due'),
    limit,
    ...(only ? { listId: only.id } : {}),
    ...(input.tag ? { tag: input.tag } : {}),
    ...(input.dueBefore ? { dueBefore: input.dueBefore } : {}),
    ...(input.dueAfter ? { dueAfter: input.dueAfter } : {}),
    ...(input.words ? { q: input.words } : {}),
    ...(input.filter ? { filter: input.filter, timeZone: timeZoneOf(await context.profile()) } : {}),
  };
  const todos: Todo[] = [];
  for await (const todo of client.todos.iterate(query, { signal: context.signal })) {
    todos.push(todo);
    if (todos.length >= limit) break;
  }
  const compact = shown.compact(todos);
  const text = compact.length === 0 ? 'No todos.' : compact.map(todoLine).join('\n');
  return toolResult(text, { todos: compact, ...(only ? { list: compactList(only) } : {}) });
}

/** `list_todos`, `search_todos` and `list_lists`: they read, and change nothing. */
export function registerReadTools(server: McpServer, context: Context, shown: ShownTodos): void {
  server.registerTool(
    'list_todos',
    {
      title: 'List todos',
      description:
        'The person\'s todos: open ones by default, overdue and today first; narrowed by a filter in the filter language ("(today | overdue) & #work"), a list, a tag or due days.',
      inputSchema: ListTodosInput,
      annotations: READ_ONLY,
    },
    guarded(context, (input: ListTodosInput) => listTodos(context, shown, input)),
  );
  server.registerTool(
    'search_todos',
    {
      title: 'Search todos',
      description: 'The todos whose title or notes hold every one of the words, case and accents aside.',
      inputSchema: SearchTodosInput,
      annotations: READ_ONLY,
    },
    guarded(context, ({ words, list, status, limit }: SearchTodosInput) =>
      listTodos(context, shown, {
        words,
        ...(list ? { list } : {}),
        ...(status ? { status } : {}),
        ...(limit ? { limit } : {}),
      }),
    ),
  );
  server.registerTool(
    'list_lists',
    {
      title: 'List lists',
      description: "The person's lists, the Inbox first, with their open counts; shared ones too.",
      inputSchema: ListListsInput,
      annotations: READ_ONLY,
    },
    guarded(context, async ({ archived }: ListListsInput) => {
      const lists = await readLists(context, archived ? 'include' : 'exclude');
      return toolResult(lists.map(listLine).join('\n'), { lists });
    }),
  );
}

/** The person's lists, compact: the lists tool's answer and the lists resource's. */
export async function readLists(
  context: Context,
  archived: NonNullable<ListsListQuery['archived']> = 'exclude',
): Promise<ReturnType<typeof compactList>[]> {
  const client = await context.client();
  const lists = [];
  for await (const list of client.lists.iterate({ archived }, { signal: context.signal }))
    lists.push(compactList(list));
  return lists;
}
