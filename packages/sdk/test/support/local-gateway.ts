// The SDK's tests run against the real local gateway. It lives in @todolist/handlers, which
// depends on this package's contract; declaring the reverse dependency would put a cycle in the
// workspace graph, so the tests reach it through the workspace link instead. Vitest resolves it
// to its TypeScript source, so nothing needs building first.
import { type LocalStack, startLocalStack } from '@todolist/handlers';

/**
 * Starts the local gateway over an in-memory dynalite on a random loopback port. One per test
 * file: the handlers bind to the first stack a process starts.
 */
export function startTestGateway(): Promise<LocalStack> {
  return startLocalStack({ dataDir: null, port: 0, throttle: null });
}
