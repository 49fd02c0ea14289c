// Part d: a page of every todo a person can see, across 10 lists (their Inbox, 4 lists of their
// own and 5 that another person shares with them), beside a page of one list of 10 todos: the
// rate of each through the gateway, alternating in rounds, and the DynamoDB calls and items one
// page costs, counted on a local stack in this process.
import { caller, installCounter } from './dynamodb-counter.mjs';
import { httpLoad } from './load.mjs';

const TODOS_PER_LIST = 10;
const OWN_LISTS = 4;
const SHARED_LISTS = 5;
const PAGE = 25;

/** A's 10 lists of 10 todos, 5 of them B's shared with A; answers A's first own list's id. */
async function seed(url, a, b, emailOfA) {
  const asA = caller(url, a);
  const asB = caller(url, b);
  const listIds = ['inbox'];
  for (let index = 0; index < OWN_LISTS; index++)
    listIds.push((await asA('POST', '/v1/lists', { name: `Own ${index}` })).id);
  for (let index = 0; index < SHARED_LISTS; index++) {
    const list = await asB('POST', '/v1/lists', { name: `Shared ${index}` });
    await asB('POST', `/v1/lists/${list.id}/members`, { email: emailOfA });
    listIds.push(list.id);
  }
  for (const listId of listIds) {
    for (let index = 0; index < TODOS_PER_LIST; index++)
      await asA('POST', '/v1/todos', { title: `In ${listId} ${index}`, listId });
  }
  return listIds[1];
}

/** Counts one page of each listing on a local stack started in this process. */
async function pageCosts(testingModule) {
  const { startLocalStack, signInLocally } = testingModule;
  const counter = installCounter();
  const stack = await startLocalStack({ dataDir: null, port: 0, throttle: null });
  try {
    const session = async (email) => ({
      authorization: `Bearer ${(await signInLocally(stack.url, email)).accessToken}`,
    });
    const [a, b] = [await session('cost-a@example.com'), await session('cost-b@example.com')];
    const listId = await seed(stack.url, a, b, 'cost-a@example.com');
    const get = caller(stack.url, a);
    // Once first, so a cold path (a cursor key read, say) is not counted as a page's cost.
    await get('GET', `/v1/todos?limit=${PAGE}`);
    const across = await counter.count(() => get('GET', `/v1/todos?limit=${PAGE}`));
    const one = await counter.count(() => get('GET', `/v1/todos?listId=${listId}&limit=${PAGE}`));
    return { across, one };
  } finally {
    await stack.close();
    counter.uninstall();
  }
}

const describeCost = ({ calls, items }) =>
  `${Object.entries(calls)
    .map(([operation, count]) => `${count} ${operation}`)
    .join(' + ')}, ${items} items`;

/**
 * Seeds A and B on the gateway process, measures both listings' rates in alternating rounds,
 * then counts one page of each in process. Returns `{ across, one, costs }`.
 */
export async function measureAcrossLists({ gatewayProcess, testingModule, settings, log }) {
  const a = await gatewayProcess.signIn('lists-a@example.com');
  const b = await gatewayProcess.signIn('lists-b@example.com');
  log(
    `d. seeding ${OWN_LISTS + SHARED_LISTS + 1} lists of ${TODOS_PER_LIST} todos (${SHARED_LISTS} shared by another person)`,
  );
  const listId = await seed(gatewayProcess.url, a, b, 'lists-a@example.com');
  const load = (path) => (seconds) =>
    httpLoad({
      url: `${gatewayProcess.url}${path}`,
      connections: settings.concurrency,
      seconds,
      request: { method: 'GET', headers: { authorization: a.authorization } },
    });
  const loads = {
    across: load(`/v1/todos?limit=${PAGE}`),
    one: load(`/v1/todos?listId=${listId}&limit=${PAGE}`),
  };
  const totals = {
    across: { completed: 0, elapsed: 0, failed: 0 },
    one: { completed: 0, elapsed: 0, failed: 0 },
  };
  await loads.across(settings.warmupSeconds);
  await loads.one(settings.warmupSeconds);
  const perRound = settings.seconds / settings.rounds;
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? ['across', 'one'] : ['one', 'across'];
    for (const side of order) {
      const result = await loads[side](perRound);
      totals[side].completed += result.completed;
      totals[side].elapsed += result.elapsed;
      totals[side].failed += result.failed;
    }
  }
  const rate = (side) => totals[side].completed / totals[side].elapsed;
  const costs = await pageCosts(testingModule);
  return {
    across: { rate: rate('across'), failed: totals.across.failed, cost: describeCost(costs.across) },
    one: { rate: rate('one'), failed: totals.one.failed, cost: describeCost(costs.one) },
  };
}
