import type { Command } from 'commander';
import { examples, type Runner } from './shared.js';

export function registerMcp(program: Command, run: Runner): void {
  program
    .command('mcp')
    .description('serve your todos to an AI assistant over the Model Context Protocol (stdio)')
    .addHelpText(
      'after',
      `
An MCP client (Claude Desktop, an editor, an agent) starts it and speaks JSON-RPC on its stdin
and stdout; it signs in as every other command does (the profile's sign-in, TODO_TOKEN, or the
client-credentials pair). Add it to the client's configuration:
  { "mcpServers": { "todo": { "command": "todo", "args": ["mcp"] } } }
${examples('todo mcp', 'todo --profile work mcp')}`,
    )
    .action(() =>
      run(async (context) => {
        // The MCP SDK loads with this command only, never with `todo --version`.
        const { serveMcp } = await import('../mcp/serve.js');
        await serveMcp(context, program.version() ?? '0.0.0-dev');
      }),
    );
}
