import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { Todo } from '@todolist/sdk';
import type { Context } from '../context.js';
import { ListBook } from '../lists/list-book.js';
import { compactList } from './compact.js';
import { readLists } from './read-tools.js';
import type { ShownTodos } from './shown-todos.js';

/** The lists resource's address; each list's is below it. */
const LISTS_URI = 'todolist://lists';

/** How many open todos a list's resource holds: a screenful; `list_todos` reads more. */
const LIST_RESOURCE_TODOS = 100;

function json(uri: string, data: unknown): ReadResourceResult {
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(data) }] };
}

/** `todolist://lists` (every list) and `todolist://lists/{listId}` (one list and its open todos). */
export function registerResources(server: McpServer, context: Context, shown: ShownTodos): void {
  server.registerResource(
    'lists',
    LISTS_URI,
    {
      title: 'Lists',
      description: "The person's lists, the Inbox first, with their open counts",
      mimeType: 'application/json',
    },
    async (uri) => json(uri.href, { lists: await readLists(context) }),
  );
  server.registerResource(
    'list',
    new ResourceTemplate(`${LISTS_URI}/{listId}`, {
      list: async () => ({
        resources: (await readLists(context)).map((list) => ({
          uri: `${LISTS_URI}/${list.id}`,
          name: list.name,
          mimeType: 'application/json',
        })),
      }),
    }),
    {
      title: 'A list',
      description: 'One list and its open todos, in its own order',
      mimeType: 'application/json',
    },
    async (uri, { listId }) => {
      const client = await context.client();
      const list = await new ListBook(client, context.signal).resolve(String(listId));
      const todos: Todo[] = [];
      const query = { listId: list.id, status: 'open', sort: 'manual', limit: LIST_RESOURCE_TODOS } as const;
      for await (const todo of client.todos.iterate(query, { signal: context.signal })) {
        todos.push(todo);
        if (todos.length >= LIST_RESOURCE_TODOS) break;
      }
      return json(uri.href, { list: compactList(list), todos: shown.compact(todos) });
    },
  );
}
