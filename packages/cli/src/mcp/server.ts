import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Context } from '../context.js';
import { registerAddTools } from './add-tools.js';
import { registerChangeTools } from './change-tools.js';
import { registerPrompts } from './prompts.js';
import { registerReadTools } from './read-tools.js';
import { registerResources } from './resources.js';
import { ShownTodos } from './shown-todos.js';

/**
 * The `todo` MCP server: the tools, resources and prompt, all acting through the run's context
 * (its profile, credentials and client), as every other command does. Not yet connected.
 */
export function createTodoMcpServer(context: Context, version: string): McpServer {
  const server = new McpServer(
    { name: 'todolist', title: 'todolist', version },
    {
      instructions:
        "The person's todolist: their todos and lists. Todos are named by the shortId the tools answer (or their id); lists by name or id. Days are read in the person's time zone.",
    },
  );
  // One session's memory: the short ids it answered are the ones its assistant names back.
  const shown = new ShownTodos();
  registerReadTools(server, context, shown);
  registerAddTools(server, context, shown);
  registerChangeTools(server, context, shown);
  registerResources(server, context, shown);
  registerPrompts(server, context);
  return server;
}
