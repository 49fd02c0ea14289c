// Part a: each route's rate through the local gateway beside the rate of its bare DynamoDB call.
// The two loads of a route alternate in rounds (gateway, raw, raw, gateway, ...), so a machine
// that speeds up or slows down during the run (a shared CI host) moves both sides of a ratio alike.
import { callLoad, combine, httpLoad } from './load.mjs';
import { rawCalls, seedRaw } from './raw-calls.mjs';

/** The routes measured, in the order they run: reads first, so they see only the seeded todos. */
export const MEASURED_ROUTES = ['getTodo', 'listTodos', 'createTodo'];

/**
 * Creates `count` todos through the gateway as the person whose `authorization` (a bearer access
 * token) it carries, and returns their ids.
 */
export async function seedGateway(url, authorization, count) {
  const ids = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${url}/v1/todos`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', authorization },
      body: JSON.stringify({ title: `Seeded todo ${index + 1}` }),
    });
    if (response.status !== 201) {
      throw new Error(`seeding: POST /v1/todos answered ${response.status}: ${await response.text()}`);
    }
    ids.push((await response.json()).id);
  }
  return ids;
}

/** Per route, a function running the gateway's load for some seconds (autocannon), every request signed in. */
function gatewayLoads(url, authorization, ids, connections) {
  let next = 0;
  const options = {
    getTodo: {
      url: `${url}/v1/todos`,
      request: {
        headers: { authorization },
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: `/v1/todos/${ids[next++ % ids.length]}` }),
          },
        ],
      },
    },
    listTodos: { url: `${url}/v1/todos?limit=25`, request: { method: 'GET', headers: { authorization } } },
    createTodo: {
      url: `${url}/v1/todos`,
      request: {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ title: 'Benchmark todo' }),
      },
    },
  };
  return (route) => (seconds) => httpLoad({ ...options[route], connections, seconds });
}

/** Per route, a function running the raw DynamoDB calls for some seconds. */
function rawLoads(documentClient, tableName, ownerId, ids, concurrency) {
  const calls = rawCalls(documentClient, tableName, ownerId);
  const callFor = {
    getTodo: (index) => calls.getTodo(ids[index % ids.length]),
    listTodos: () => calls.listTodos(),
    createTodo: () => calls.createTodo(),
  };
  return (route) => (seconds) => callLoad({ call: callFor[route], concurrency, seconds });
}

/**
 * Seeds both sides, then measures each route through the gateway at `gatewayUrl`, as the person
 * signed in as `session` (`{ authorization, sub }`), and as raw calls through `documentClient` on
 * that person's todos (owner `session.sub`). Returns `{ gateway, raw }`, each keyed by route, and
 * the ids of the todos seeded in the raw table.
 */
export async function measureThroughput({ gatewayUrl, session, documentClient, tableName, settings, log }) {
  const gatewayIds = await seedGateway(gatewayUrl, session.authorization, settings.seed);
  const rawIds = await seedRaw(documentClient, tableName, session.sub, settings.seed);
  const gatewayLoad = gatewayLoads(gatewayUrl, session.authorization, gatewayIds, settings.concurrency);
  const rawLoad = rawLoads(documentClient, tableName, session.sub, rawIds, settings.concurrency);
  const roundSeconds = settings.seconds / settings.rounds;
  const gateway = {};
  const raw = {};
  for (const route of MEASURED_ROUTES) {
    log(
      `${route}: ${settings.warmupSeconds} s warm-up each, then ${settings.rounds} rounds of ${roundSeconds} s each`,
    );
    const loads = { gateway: gatewayLoad(route), raw: rawLoad(route) };
    await loads.gateway(settings.warmupSeconds);
    await loads.raw(settings.warmupSeconds);
    const rounds = { gateway: [], raw: [] };
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? ['gateway', 'raw'] : ['raw', 'gateway'];
      for (const side of order) rounds[side].push(await loads[side](roundSeconds));
    }
    gateway[route] = combine(rounds.gateway);
    raw[route] = combine(rounds.raw);
  }
  return { gateway, raw, rawIds };
}
