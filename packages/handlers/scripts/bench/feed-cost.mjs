// Part e: what the changes feed costs. Two people on a local stack in this process, one with 100
// todos and one with 10,000 (made by imports, then left to settle past the feed's overlap); each
// then makes the same 3 changes, and one read of the feed from a cursor taken before them is
// counted (DynamoDB calls, items read) and timed (median of repeated reads of the same page).
import { performance } from 'node:perf_hooks';
import { caller, installCounter } from './dynamodb-counter.mjs';

const IMPORT_BATCH = 100;
/** The feed's overlap (packages/handlers/src/store/change-cursor.ts) and a margin. */
const SETTLE_MS = 5_500;
const LIVE_TICKS_MS = 250;
const TIMED_READS = 25;

/** Imports `count` todos, 100 a request; answers the first two ids. */
async function seed(call, count) {
  const ids = [];
  for (let at = 0; at < count; at += IMPORT_BATCH) {
    const items = Array.from({ length: Math.min(IMPORT_BATCH, count - at) }, (_, index) => ({
      title: `Old todo ${at + index}`,
    }));
    const answer = await call('POST', '/v1/todos/batch', { items });
    if (ids.length === 0) ids.push(...answer.results.slice(0, 2).map((result) => result.id));
  }
  return ids;
}

/** A create, a completion of an old todo and a delete of another: three changes. */
async function threeChanges(call, [completed, deleted]) {
  await call('POST', '/v1/todos', { title: 'New' });
  await call('PATCH', `/v1/todos/${completed}`, { completed: true });
  await call('DELETE', `/v1/todos/${deleted}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measureOne(stack, testingModule, counter, email, todos) {
  const session = {
    authorization: `Bearer ${(await testingModule.signInLocally(stack.url, email)).accessToken}`,
  };
  const call = caller(stack.url, session);
  const old = await seed(call, todos);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const { cursor } = await call('GET', '/v1/changes');
  await threeChanges(call, old);
  // The local gateway's live feed looks up whom to poke for each write on its own 15 ms tick:
  // its reads, still under way, would be counted with the page's.
  await new Promise((resolve) => setTimeout(resolve, LIVE_TICKS_MS));
  const path = `/v1/changes?since=${cursor}`;
  let page;
  const cost = await counter.count(async () => {
    page = await call('GET', path);
  });
  if (page.changes.length !== 3) throw new Error(`expected the 3 changes, got ${page.changes.length}`);
  const times = [];
  for (let run = 0; run < TIMED_READS; run++) {
    const started = performance.now();
    await call('GET', path);
    times.push(performance.now() - started);
  }
  return { ...cost, ms: median(times) };
}

/** The feed's cost for 3 changes at 100 and at 10,000 todos. */
export async function measureFeedCost({ testingModule, log }) {
  const counter = installCounter();
  const stack = await testingModule.startLocalStack({ dataDir: null, port: 0, throttle: null });
  try {
    log('e. the changes feed: 3 changes among 100 todos, then among 10,000 (seeded by imports)');
    const few = await measureOne(stack, testingModule, counter, 'feed-few@example.com', 100);
    const many = await measureOne(stack, testingModule, counter, 'feed-many@example.com', 10_000);
    return { few, many };
  } finally {
    await stack.close();
    counter.uninstall();
  }
}
