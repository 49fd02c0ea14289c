// Counts the DynamoDB calls a local stack in this process makes, and the items they read.
import http from 'node:http';

const TARGET_PREFIX = 'DynamoDB_20120810.';

/**
 * Counts the DynamoDB calls (by operation) and the items they answer, seen on this process's HTTP
 * while `counter.current` is set. Installed before the stack's first call: the AWS SDK keeps the
 * `http.request` it finds then.
 */
export function installCounter() {
  const counter = { current: undefined };
  const original = http.request;
  http.request = function counted(options, ...rest) {
    const request = original.call(http, options, ...rest);
    const target = String(options?.headers?.['x-amz-target'] ?? '');
    const tally = counter.current;
    if (tally && target.startsWith(TARGET_PREFIX)) {
      const operation = target.slice(TARGET_PREFIX.length);
      tally.calls[operation] = (tally.calls[operation] ?? 0) + 1;
      // Read the answer as the SDK reads it, without a listener of our own (which would start the
      // stream flowing before the SDK listens, and lose its chunks).
      request.on('response', (response) => {
        let body = '';
        const emit = response.emit;
        response.emit = function observed(event, ...args) {
          if (event === 'data') body += args[0];
          if (event === 'end') {
            const answer = JSON.parse(body || '{}');
            const batched = Object.values(answer.Responses ?? {}).reduce((sum, list) => sum + list.length, 0);
            // Items read: a filtered Query reads (and costs) ScannedCount, though it answers Count.
            tally.items += (answer.ScannedCount ?? answer.Count ?? 0) + batched + (answer.Item ? 1 : 0);
          }
          return emit.call(this, event, ...args);
        };
      });
    }
    return request;
  };
  return {
    async count(run) {
      const tally = { calls: {}, items: 0 };
      counter.current = tally;
      try {
        await run();
      } finally {
        counter.current = undefined;
      }
      return tally;
    },
    uninstall: () => {
      http.request = original;
    },
  };
}

/** A JSON caller of the API as `session`, which throws on an answer that is not a success. */
export function caller(url, session) {
  return async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: session.authorization,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status >= 300)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
}
