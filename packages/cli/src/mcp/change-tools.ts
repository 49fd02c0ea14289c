import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Todo } from '@todolist/sdk';
import type { Context } from '../context.js';
import { resolveIds } from '../ids/resolve-ids.js';
import { ListBook } from '../lists/list-book.js';
import { compactList, todoLine } from './compact.js';
import type { ShownTodos } from './shown-todos.js';
import { guarded, toolResult } from './tool-result.js';
import { MoveTodoInput, OneTodoInput, UpdateTodoInput } from './tool-schemas.js';

/**
 * The id a ref names: an id, a unique prefix of one, or a short id, looked for first among the
 * todos this session has shown.
 */
async function idOf(context: Context, shown: ShownTodos, ref: string): Promise<string> {
  const [id] = await resolveIds(context, [ref], { shown: shown.ids() });
  return id as string;
}

const CHANGES = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;

/** A tool answering the one todo it changed. */
function changed(shown: ShownTodos, verb: string, todo: Todo, extra: Record<string, unknown> = {}) {
  const compact = shown.compactOne(todo);
  return toolResult(`${verb} ${todoLine(compact)}`, { todo: compact, ...extra });
}

/** `update_todo`, `complete_todo`, `reopen_todo`, `move_todo` and `delete_todo`. */
export function registerChangeTools(server: McpServer, context: Context, shown: ShownTodos): void {
  server.registerTool(
    'update_todo',
    {
      title: 'Change a todo',
      description:
        'Changes some fields of a todo; null clears notes, dueDate (and its time), dueTime or recurrence.',
      inputSchema: UpdateTodoInput,
      annotations: { ...CHANGES, idempotentHint: true },
    },
    guarded(context, async ({ id: ref, ...patch }: UpdateTodoInput) => {
      const [id, client] = await Promise.all([idOf(context, shown, ref), context.client()]);
      return changed(shown, 'Changed', await client.todos.update(id, patch, { signal: context.signal }));
    }),
  );
  for (const [name, completed] of [
    ['complete_todo', true],
    ['reopen_todo', false],
  ] as const) {
    server.registerTool(
      name,
      {
        title: completed ? 'Mark a todo done' : 'Reopen a todo',
        description: completed
          ? 'Marks a todo done; a repeating one moves to its next day, open.'
          : 'Marks a done todo open again.',
        inputSchema: OneTodoInput,
        annotations: { ...CHANGES, idempotentHint: !completed },
      },
      guarded(context, async ({ id: ref }: OneTodoInput) => {
        const [id, client] = await Promise.all([idOf(context, shown, ref), context.client()]);
        const todo = await client.todos.update(id, { completed }, { signal: context.signal });
        return changed(shown, completed ? 'Done' : 'Reopened', todo);
      }),
    );
  }
  server.registerTool(
    'move_todo',
    {
      title: 'Move a todo',
      description: 'Moves a todo to another list (by name or id), last in its order.',
      inputSchema: MoveTodoInput,
      annotations: { ...CHANGES, idempotentHint: true },
    },
    guarded(context, async ({ id: ref, list: listRef }: MoveTodoInput) => {
      const client = await context.client();
      const [id, list] = await Promise.all([
        idOf(context, shown, ref),
        new ListBook(client, context.signal).resolve(listRef),
      ]);
      const todo = await client.todos.move(id, { listId: list.id }, { signal: context.signal });
      return changed(shown, `Moved to "${list.name}":`, todo, { list: compactList(list) });
    }),
  );
  server.registerTool(
    'delete_todo',
    {
      title: 'Delete a todo',
      description: 'Deletes a todo for good (for everyone on its list).',
      inputSchema: OneTodoInput,
      annotations: { ...CHANGES, destructiveHint: true, idempotentHint: true },
    },
    guarded(context, async ({ id: ref }: OneTodoInput) => {
      const [id, client] = await Promise.all([idOf(context, shown, ref), context.client()]);
      // Read first, so the answer says what went, and only that version goes.
      const todo = await client.todos.get(id, { signal: context.signal });
      await client.todos.delete(id, { ifMatch: todo.version, signal: context.signal });
      return changed(shown, 'Deleted', todo);
    }),
  );
}
