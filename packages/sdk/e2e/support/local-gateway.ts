// The SDK against the real local gateway (@todolist/local, which runs the handlers' built route
// bundles). These tests are a package of their own because the gateway depends on the SDK's
// contract: the SDK itself cannot depend on it without a cycle in the workspace graph.
import { type LocalStack, startLocalStack } from '@todolist/local/testing';

/** Starts the local gateway over an in-memory dynalite on a random loopback port. */
export function startTestGateway(): Promise<LocalStack> {
  return startLocalStack({ dataDir: null, port: 0, throttle: null });
}
