import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

// The MCP SDK checks a call's arguments against the tool's schema before the tool runs, and
// answers a refusal itself, as text alone. Our tools answer theirs with a code
// (tool-result.ts): this gives the SDK's the code the API gives the same case, on the way out.

const SDK_REFUSAL = /^MCP error -?\d+: (.*)$/s;

function withCode(message: JSONRPCMessage): JSONRPCMessage {
  if (!('result' in message)) return message;
  const result = message.result as CallToolResult;
  const [first] = result.content ?? [];
  if (result.isError !== true || result.structuredContent || first?.type !== 'text') return message;
  const text = SDK_REFUSAL.exec(first.text)?.[1] ?? first.text;
  const code = text.startsWith('Input validation error') ? 'validation_failed' : 'failed';
  return {
    ...message,
    result: {
      ...result,
      content: [{ type: 'text', text: `${code}: ${text}` }],
      structuredContent: { error: { code, message: text } },
    },
  };
}

/** `transport`, its tool errors from the SDK itself carrying a `code` as the tools' own do. */
export function withRefusalCodes<T extends Transport>(transport: T): T {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => send(withCode(message), options);
  return transport;
}
