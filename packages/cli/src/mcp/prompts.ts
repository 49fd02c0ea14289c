import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { localDay } from '@todolist/sdk/contract';
import type { Context } from '../context.js';
import { timeZoneOf } from '../time-zone.js';

/** The `today` prompt: go through what is overdue and what is due today, with the tools. */
export function registerPrompts(server: McpServer, context: Context): void {
  server.registerPrompt(
    'today',
    {
      title: 'Today',
      description: 'Go through what is overdue and what is due today, and decide what to do with each',
    },
    async () => {
      // The profile first: it sets the zone "today" is read in.
      const timeZone = timeZoneOf(await context.profile());
      const today = localDay(context.now());
      const text = [
        `Today is ${today} (${timeZone}). Help me go through my todos for today.`,
        // A todo due earlier today is both overdue and today's: asked for once.
        'Call list_todos with filter "overdue" and then with filter "today & !overdue".',
        "Show me the overdue ones first, then today's, each with its shortId, due time and priority.",
        'For each, ask whether it is done (complete_todo), should move to another day (update_todo with a new dueDate), or can go (delete_todo, only once I say so).',
        'If there is nothing, say so in one line.',
      ].join('\n');
      return { messages: [{ role: 'user', content: { type: 'text', text } }] };
    },
  );
}
