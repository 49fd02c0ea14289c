import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Context } from '../context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';

/** What a tool answers when it worked: the data for programs, a few lines for the model to read. */
export function toolResult(text: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data };
}

// The CLI's own refusals have no API code; each gets the code the API gives the same case.
const CODE_OF_EXIT: Partial<Record<ExitCode, string>> = {
  [EXIT_CODES.usage]: 'validation_failed',
  [EXIT_CODES.notFound]: 'not_found',
  [EXIT_CODES.unauthorized]: 'unauthorized',
  [EXIT_CODES.conflict]: 'precondition_failed',
};

/**
 * A refused call as a tool error (`isError`), never a failure of the server: the API's problem
 * code and the message `todo` would print, so the assistant can say what to change.
 */
export async function toolError(context: Context, error: unknown): Promise<CallToolResult> {
  // Loaded once a call failed, as main.ts does: the SDK (ky, fetch) is not needed to answer `initialize`.
  const [{ reportError }, { isTodoSdkError }] = await Promise.all([
    import('../report-error.js'),
    import('@todolist/sdk'),
  ]);
  const baseUrl = await context.profile().then(
    (profile) => profile.baseUrl,
    () => undefined,
  );
  const { message, exitCode } = reportError(error, baseUrl, context.env);
  const code = isTodoSdkError(error) ? error.code : (CODE_OF_EXIT[exitCode] ?? 'failed');
  const errors = isTodoSdkError(error) && error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {};
  return {
    isError: true,
    content: [{ type: 'text', text: `${code}: ${message}` }],
    structuredContent: { error: { code, message, ...errors } },
  };
}

/** Runs a tool's work, answering any refusal as {@link toolError}. */
export function guarded<Input>(
  context: Context,
  work: (input: Input) => Promise<CallToolResult>,
): (input: Input) => Promise<CallToolResult> {
  return (input) => work(input).catch((error: unknown) => toolError(context, error));
}
