import { vi } from 'vitest';
import type { LocalStack, LocalStackOptions } from '../../src/local/local-stack.js';

/**
 * Starts a local stack whose handler modules are loaded afresh, as they are in a new process.
 * The handlers read their settings (table, DynamoDB endpoint, cursor key, origins) once per
 * module graph, as a Lambda container does, so a later stack in the same test file would
 * otherwise be served by handlers still bound to the first stack's database.
 */
export async function startFreshLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  vi.resetModules();
  const { startLocalStack } = await import('../../src/local/local-stack.js');
  return startLocalStack(options);
}
