// The two load generators, both closed-loop with a fixed number of requests in flight for a fixed
// time: autocannon over HTTP for the gateway, async loops over the SDK for the raw DynamoDB calls.
// Each returns what it completed and in how long, so rounds can be added up.
import autocannon from 'autocannon';

/**
 * 2xx answers from the gateway in `seconds`. `request` holds autocannon's per-request options
 * (`method`, `body`, `headers`, `requests`).
 */
export async function httpLoad({ url, connections, seconds, request = {} }) {
  const result = await autocannon({ url, connections, duration: seconds, ...request });
  return {
    completed: result['2xx'],
    elapsed: result.duration,
    failed: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.keys(result.statusCodeStats),
  };
}

/** Successful calls of `call(index)` in `seconds`, with `concurrency` calls in flight. */
export async function callLoad({ call, concurrency, seconds }) {
  let completed = 0;
  let failed = 0;
  let firstError;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async (first) => {
    for (let index = first; performance.now() < deadline; index += concurrency) {
      try {
        await call(index);
        completed++;
      } catch (error) {
        failed++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, first) => worker(first)));
  return { completed, elapsed: (performance.now() - started) / 1000, failed, firstError };
}

/** Rounds of one load added up: completed per second overall, and what failed. */
export function combine(rounds) {
  const completed = rounds.reduce((sum, round) => sum + round.completed, 0);
  const elapsed = rounds.reduce((sum, round) => sum + round.elapsed, 0);
  return {
    rate: completed / elapsed,
    completed,
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    problems: [
      ...new Set(
        rounds.flatMap((round) => [
          ...(round.statusCodes ?? []).filter((code) => !code.startsWith('2')).map((code) => `HTTP ${code}`),
          ...(round.firstError ? [String(round.firstError)] : []),
        ]),
      ),
    ],
  };
}
