import { type LocalStack, type LocalStackOptions, startLocalStack } from '@todolist/local/testing';

/**
 * The real API in this process (dynalite in memory, the gateway on a random port), started once
 * per test file: the handler modules bind to the first stack of a process.
 *
 * The gateway checks every request's bearer token as it would in the cloud: a test signs each of
 * its users in for real (`newTodoUser`), so each one owns their own todos, tests can run side by
 * side and every one starts empty.
 */
export function startLocalApi(
  options: { throttle?: LocalStackOptions['throttle'] } = {},
): Promise<LocalStack> {
  return startLocalStack({ dataDir: null, port: 0, throttle: options.throttle ?? null });
}
