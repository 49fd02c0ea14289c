import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Context } from '../context.js';
import { withRefusalCodes } from './coded-refusals.js';
import { createTodoMcpServer } from './server.js';

/**
 * `todo mcp`: serves MCP over the run's stdin and stdout until the client closes stdin (or the
 * run is interrupted). stdout carries the protocol alone: status lines go to stderr.
 */
export async function serveMcp(context: Context, version: string): Promise<void> {
  // A stray console.log from a dependency would corrupt the protocol: it goes to stderr.
  console.log = console.info = console.debug = console.error;
  const { stdin, stdout } = context.io;
  const server = createTodoMcpServer(context, version);
  const transport = withRefusalCodes(new StdioServerTransport(stdin as Readable, stdout as Writable));
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  const close = () => void server.close();
  stdin.once('end', close);
  context.signal.addEventListener('abort', close, { once: true });
  await server.connect(transport);
  context.io.err(`todo mcp: serving MCP on stdio (${version}); close stdin to stop`);
  await closed;
  context.signal.removeEventListener('abort', close);
}
