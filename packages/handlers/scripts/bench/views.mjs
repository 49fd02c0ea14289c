// Part f: views on 10,000 todos. One person on a local stack in this process imports 10,000
// todos (days around today, every priority, tags, a word in one title of ten); then a page of 25
// of each view is read in turn, again and again, and timed: `filter=`, `q=` and `sort=due`, each
// beside the plain page of the same size read in the same rounds (p95 against p95). One read of
// each is counted too (DynamoDB calls, items read).
import { performance } from 'node:perf_hooks';
import { caller, installCounter } from './dynamodb-counter.mjs';

const TODOS = 10_000;
const IMPORT_BATCH = 100;
const PAGE = 25;
const ROUNDS = 40;
const PRIORITIES = ['high', 'normal', 'low'];

/** YYYY-MM-DD, `days` from today in UTC (the zone the filter is read in). */
const dayFromToday = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The i-th todo: one in ten has "report" in its title; days from 30 back to 60 on, one in five none. */
function nth(i) {
  return {
    title: i % 10 === 3 ? `Quarterly report ${i}` : `Todo ${i}`,
    priority: PRIORITIES[i % 3],
    tags: i % 4 === 0 ? ['work'] : [],
    ...(i % 5 === 0 ? {} : { dueDate: dayFromToday((i % 91) - 30) }),
  };
}

export const VIEWS = {
  plain: `/v1/todos?limit=${PAGE}`,
  filter: `/v1/todos?limit=${PAGE}&timeZone=UTC&filter=${encodeURIComponent('(today | overdue) & p1 & #work')}`,
  q: `/v1/todos?limit=${PAGE}&q=report`,
  due: `/v1/todos?limit=${PAGE}&sort=due`,
};

const percentile = (values, fraction) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * fraction))];

/** p50 and p95 of each view's page, and what one page of each reads. */
export async function measureViews({ testingModule, log }) {
  const counter = installCounter();
  const stack = await testingModule.startLocalStack({ dataDir: null, port: 0, throttle: null });
  try {
    log(
      `f. views: importing ${TODOS.toLocaleString('en')} todos, then ${ROUNDS} rounds of a page of each view`,
    );
    const session = {
      authorization: `Bearer ${(await testingModule.signInLocally(stack.url, 'views@example.com')).accessToken}`,
    };
    const call = caller(stack.url, session);
    for (let at = 0; at < TODOS; at += IMPORT_BATCH) {
      const items = Array.from({ length: IMPORT_BATCH }, (_, index) => nth(at + index));
      await call('POST', '/v1/todos/batch', { items });
    }
    const names = Object.keys(VIEWS);
    const times = Object.fromEntries(names.map((name) => [name, []]));
    for (const name of names) await call('GET', VIEWS[name]); // warm: a cold path is no page's cost
    for (let round = 0; round < ROUNDS; round++) {
      // Each round in another order, so no view always follows the same one.
      const order = names.map((_, index) => names[(index + round) % names.length]);
      for (const name of order) {
        const started = performance.now();
        const page = await call('GET', VIEWS[name]);
        times[name].push(performance.now() - started);
        if (page.items.length !== PAGE)
          throw new Error(`${name}: a page of ${page.items.length}, not ${PAGE}`);
      }
    }
    const results = {};
    for (const name of names) {
      const cost = await counter.count(() => call('GET', VIEWS[name]));
      results[name] = { p50: percentile(times[name], 0.5), p95: percentile(times[name], 0.95), ...cost };
    }
    return results;
  } finally {
    await stack.close();
    counter.uninstall();
  }
}
