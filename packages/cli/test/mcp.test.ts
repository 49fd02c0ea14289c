import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult, TextResourceContents } from '@modelcontextprotocol/sdk/types.js';
import { localDay } from '@todolist/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { todoBin } from './support/built-cli.js';
import { startRecordingProxy } from './support/dropping-proxy.js';
import { newTodoUser, type TodoUser } from './support/todo-user.js';
import { useLocalApi } from './support/use-local-api.js';

// `todo mcp` as an assistant's client runs it: the MCP SDK's own Client spawning the built
// binary over stdio, signed in with the person's TODO_TOKEN, against the local API.

const api = useLocalApi();
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** An MCP session with `todo mcp`, as `user` (`env` added to theirs); what the server wrote to stderr is kept. */
async function connect(
  user: TodoUser,
  env: Record<string, string> = {},
): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [todoBin, 'mcp'],
    env: { ...user.env, ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'todo-mcp-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return { client, stderr: () => stderr };
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function tomorrow(): string {
  const day = new Date();
  day.setDate(day.getDate() + 1);
  return localDay(day);
}

describe('todo mcp', () => {
  it('offers the tools with input schemas from the contract, delete marked destructive and listing read-only', async () => {
    const { client } = await connect(await newTodoUser(api.stack.url));
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect([...byName.keys()].sort()).toEqual([
      'add_todo',
      'complete_todo',
      'delete_todo',
      'import_todos',
      'list_lists',
      'list_todos',
      'move_todo',
      'reopen_todo',
      'search_todos',
      'update_todo',
    ]);
    expect(byName.get('delete_todo')?.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get('list_todos')?.annotations).toMatchObject({ readOnlyHint: true });
    // The contract's own limits and patterns reach the assistant.
    expect(byName.get('add_todo')?.inputSchema.properties).toMatchObject({
      title: { maxLength: 200 },
      priority: { enum: ['low', 'normal', 'high'] },
    });
  });

  it('adds by quick add, completes by short id, and the API holds what it said', async () => {
    const user = await newTodoUser(api.stack.url);
    const { client, stderr } = await connect(user);

    const added = await call(client, 'add_todo', { text: 'Pay rent tomorrow p1 #home' });
    expect(added.isError).toBeFalsy();
    const { todo } = added.structuredContent as { todo: { id: string; shortId: string } };
    expect(added.structuredContent).toMatchObject({
      todo: { title: 'Pay rent', dueDate: tomorrow(), priority: 'high', tags: ['home'], completed: false },
    });
    expect(todo.shortId).toMatch(/^[a-z]{4,8}$/);

    const done = await call(client, 'complete_todo', { id: todo.shortId });
    expect(done.isError).toBeFalsy();
    expect(done.content).toEqual([{ type: 'text', text: expect.stringMatching(/^Done .*Pay rent/) }]);
    expect(await user.api.todos.get(todo.id)).toMatchObject({ title: 'Pay rent', completed: true });

    const open = await call(client, 'list_todos', {});
    expect(open.structuredContent).toEqual({ todos: [] });
    expect(stderr()).not.toMatch(/error/i);
  });

  it('takes back the short ids it answered without listing every todo, and refuses row numbers', async () => {
    const user = await newTodoUser(api.stack.url);
    // More todos than a page: looking a short id up among all of them would take two listings.
    await user.api.todos.importMany(
      Array.from({ length: 130 }, (_, index) => ({ title: `Chore ${String(index + 1).padStart(3, '0')}` })),
    );
    const proxy = await startRecordingProxy(api.stack.url);
    try {
      const { client } = await connect(user, { TODO_API_URL: proxy.url });
      const listed = await call(client, 'list_todos', { limit: 3, sort: 'created' });
      const { todos } = listed.structuredContent as {
        todos: { id: string; shortId: string; title: string }[];
      };
      expect(todos.map((todo) => todo.title)).toEqual(['Chore 001', 'Chore 002', 'Chore 003']);
      const added = await call(client, 'add_todo', { title: 'Call Sam' });
      const { todo: sam } = added.structuredContent as { todo: { id: string; shortId: string } };
      const before = proxy.requests.length;

      const done = await call(client, 'complete_todo', { id: todos[1]?.shortId });
      expect(done.isError, JSON.stringify(done.content)).toBeFalsy();
      const changed = await call(client, 'update_todo', { id: sam.shortId, priority: 'high' });
      expect(changed.isError, JSON.stringify(changed.content)).toBeFalsy();
      expect(proxy.requests.slice(before)).toEqual([
        `PATCH /v1/todos/${todos[1]?.id}`,
        `PATCH /v1/todos/${sam.id}`,
      ]);
      expect(await user.api.todos.get(todos[1]?.id ?? '')).toMatchObject({
        title: 'Chore 002',
        completed: true,
      });
      expect(await user.api.todos.get(sam.id)).toMatchObject({ priority: 'high' });

      const row = await call(client, 'complete_todo', { id: '2' });
      expect(row.isError).toBe(true);
      expect(row.content).toEqual([
        {
          type: 'text',
          text: expect.stringContaining(`"2" is a row number of "todo list": give the todo's shortId or id`),
        },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('answers a refused call as a tool error with the API problem code, and keeps serving', async () => {
    const { client } = await connect(await newTodoUser(api.stack.url));
    const refused = await call(client, 'complete_todo', { id: '01KMZ7X3Q4V8N2B6C9D1E5F7G0' });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({ error: { code: 'not_found' } });
    expect(refused.content).toEqual([{ type: 'text', text: expect.stringMatching(/^not_found: /) }]);

    const invalid = await call(client, 'update_todo', { id: '01KMZ7X3Q4V8N2B6C9D1E5F7G0', dueTime: '09:00' });
    expect(invalid.isError).toBe(true);
    expect(invalid.structuredContent).toMatchObject({ error: { code: 'validation_failed' } });

    // Refused by the tool's schema (the contract's Priority) before the tool runs.
    const unknown = await call(client, 'add_todo', { title: 'Milk', priority: 'urgent' });
    expect(unknown.isError).toBe(true);
    expect(unknown.structuredContent).toMatchObject({
      error: { code: 'validation_failed', message: expect.stringContaining('priority') },
    });

    expect((await call(client, 'list_lists', {})).isError).toBeFalsy();
  });

  it('imports many todos into a list by name, and finds them by their words', async () => {
    const user = await newTodoUser(api.stack.url);
    const groceries = await user.api.lists.create({ name: 'Groceries' });
    const { client } = await connect(user);

    // The schema checks every item before any is sent: a blank title refuses the call, saying where.
    const blank = await call(client, 'import_todos', { todos: [{ title: 'Oat milk' }, { title: '' }] });
    expect(blank.structuredContent).toMatchObject({
      error: { code: 'validation_failed', message: expect.stringContaining('todos[1].title') },
    });
    expect((await user.api.todos.list()).items).toEqual([]);

    const imported = await call(client, 'import_todos', {
      list: 'Groceries',
      todos: [{ title: 'Oat milk' }, { title: 'Rye bread', tags: ['bakery'] }],
    });
    expect(imported.structuredContent).toMatchObject({ created: 2, existing: 0, rejected: [] });

    const found = await call(client, 'search_todos', { words: 'rye' });
    expect(found.structuredContent).toMatchObject({
      todos: [{ title: 'Rye bread', listId: groceries.id, tags: ['bakery'] }],
    });
  });

  it('moves a todo to a list by name, and reads the lists resource and each list', async () => {
    const user = await newTodoUser(api.stack.url);
    const groceries = await user.api.lists.create({ name: 'Groceries' });
    const milk = await user.api.todos.create({ title: 'Oat milk' });
    const { client } = await connect(user);

    const moved = await call(client, 'move_todo', { id: milk.id, list: 'groc' });
    expect(moved.structuredContent).toMatchObject({
      todo: { listId: groceries.id },
      list: { name: 'Groceries' },
    });

    const lists = await client.readResource({ uri: 'todolist://lists' });
    const [contents] = lists.contents as TextResourceContents[];
    expect(JSON.parse(contents?.text ?? '')).toEqual({
      lists: [
        expect.objectContaining({ inbox: true }),
        expect.objectContaining({ id: groceries.id, name: 'Groceries', openCount: 1 }),
      ],
    });
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain(`todolist://lists/${groceries.id}`);
    const one = await client.readResource({ uri: `todolist://lists/${groceries.id}` });
    expect(JSON.parse((one.contents[0] as TextResourceContents).text)).toMatchObject({
      list: { name: 'Groceries' },
      todos: [{ id: milk.id, title: 'Oat milk' }],
    });
  });

  it('gives the today prompt, naming the day and the tools to call', async () => {
    const { client } = await connect(await newTodoUser(api.stack.url));
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(['today']);
    const { messages } = await client.getPrompt({ name: 'today' });
    expect(messages).toEqual([
      {
        role: 'user',
        content: { type: 'text', text: expect.stringContaining(`Today is ${localDay(new Date())}`) },
      },
    ]);
    const text = messages.map(({ content }) => (content.type === 'text' ? content.text : '')).join('\n');
    expect(text).toMatch(/list_todos with filter "overdue" and then with filter "today & !overdue"/);
  });
});
