import type { IncomingMessage } from 'node:http';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '@todolist/handlers';

/**
 * The real API in this process (dynalite in memory, the gateway on a random port), started once
 * per test file: the handler modules bind to the first stack of a process.
 *
 * Each caller's bearer token is taken as the subject an authorizer would pass on, so each test
 * (each `TODO_TOKEN`) owns its own todos: tests can run side by side and every one starts empty.
 */
export function startLocalApi(
  options: { throttle?: LocalStackOptions['throttle'] } = {},
): Promise<LocalStack> {
  return startLocalStack({
    dataDir: null,
    port: 0,
    throttle: options.throttle ?? null,
    identify: (request: IncomingMessage) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      return token ? { claims: { sub: token } } : null;
    },
  });
}
