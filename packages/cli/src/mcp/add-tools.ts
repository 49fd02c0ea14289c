import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { List, TodoCreate } from '@todolist/sdk';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { ListBook } from '../lists/list-book.js';
import { readAddWords } from '../quick-add-words.js';
import { compactList, todoLine } from './compact.js';
import type { ShownTodos } from './shown-todos.js';
import { guarded, toolResult } from './tool-result.js';
import { AddTodoInput, ImportTodosInput } from './tool-schemas.js';

/** The create `add_todo` sends: the text read as `todo add` reads it, the fields winning, and its list. */
async function planAdd(context: Context, book: ListBook, input: AddTodoInput): Promise<TodoCreate> {
  const { text, list, ...fields } = input;
  let create: Partial<TodoCreate> = {};
  let listed: List | undefined;
  if (text !== undefined) {
    const { toTodoCreate } = await import('@todolist/sdk/quick-add');
    const read = await readAddWords(context, text, async () => book);
    create = toTodoCreate(read.parse);
    listed = read.list;
  }
  const title = fields.title ?? create.title;
  if (title === undefined) throw new UsageError('add_todo needs its text (quick add) or a title');
  // The list named by the call wins over the text's @list.
  const inList = list ? await book.resolve(list) : listed;
  return { ...create, ...fields, title, ...(inList ? { listId: inList.id } : {}) };
}

/** `add_todo` and `import_todos`: they make todos, and change none. */
export function registerAddTools(server: McpServer, context: Context, shown: ShownTodos): void {
  server.registerTool(
    'add_todo',
    {
      title: 'Add a todo',
      description:
        'Adds one todo, from quick-add text as the person would type it ("Pay rent tomorrow p1 #home @Flat"), read in their time zone, or from fields; fields win over the text.',
      inputSchema: AddTodoInput,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    guarded(context, async (input: AddTodoInput) => {
      const client = await context.client();
      const create = await planAdd(context, new ListBook(client, context.signal), input);
      const todo = shown.compactOne(await client.todos.create(create, { signal: context.signal }));
      return toolResult(`Added ${todoLine(todo)}`, { todo });
    }),
  );
  server.registerTool(
    'import_todos',
    {
      title: 'Import todos',
      description:
        'Adds many todos at once (createTodo bodies), in batches; one the API refuses is reported by its index, and the others still go in.',
      inputSchema: ImportTodosInput,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    guarded(context, async ({ todos, list }: ImportTodosInput) => {
      const client = await context.client();
      const into = list ? await new ListBook(client, context.signal).resolve(list) : undefined;
      const items = into ? todos.map((todo) => ({ listId: into.id, ...todo })) : todos;
      const summary = await client.todos.importMany(items, { signal: context.signal });
      const rejected = summary.rejected.map(({ index, error }) => ({ index, message: error.message }));
      const text = [
        `Imported ${summary.created} todos (${summary.existing} already there, ${rejected.length} refused).`,
        ...rejected.map(({ index, message }) => `todos[${index}]: ${message}`),
      ].join('\n');
      return toolResult(text, {
        importId: summary.importId,
        created: summary.created,
        existing: summary.existing,
        rejected,
        ...(into ? { list: compactList(into) } : {}),
      });
    }),
  );
}
