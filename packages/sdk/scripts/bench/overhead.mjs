// Part b: what the client adds to a call. Each SDK method, with the client's defaults (retries,
// timeouts, validation of the answer against the contract), beside a bare
// `fetch(url).then((r) => r.json())` of the same route, both against the same local gateway.
import { pathToFileURL } from 'node:url';
import { compareInRounds } from './latency.mjs';

/** The calls measured, each as the SDK makes it and as a bare fetch of the same route. */
export const MEASURED_CALLS = {
  getTodo: { sdk: 'client.todos.get(id)', bare: 'fetch /v1/todos/{id}' },
  listTodos: { sdk: 'client.todos.list({ limit: 25 })', bare: 'fetch /v1/todos?limit=25' },
};

/**
 * Creates `count` todos through the gateway with plain fetch, as the person whose `authorization`
 * (a bearer access token) it carries, and returns their ids.
 */
async function seedTodos(url, authorization, count) {
  const ids = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${url}/v1/todos`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', authorization },
      body: JSON.stringify({ title: `Seeded todo ${index + 1}`, tags: ['bench'], dueDate: '2026-12-01' }),
    });
    if (response.status !== 201) {
      throw new Error(`seeding: POST /v1/todos answered ${response.status}: ${await response.text()}`);
    }
    ids.push((await response.json()).id);
  }
  return ids;
}

/** The baseline: the body of a GET, parsed, as a signed-in page without an SDK would fetch it. */
async function bareJson(url, authorization) {
  const response = await fetch(url, { headers: { authorization } });
  const body = await response.json();
  // Checked after the body is read, as `.then((r) => r.json())` would read it, so it costs nothing extra.
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Per measured call, the SDK side and the bare side, both taking a running index. */
function callPairs(client, url, authorization, ids) {
  const idAt = (index) => ids[index % ids.length];
  return {
    getTodo: {
      sdk: (index) => client.todos.get(idAt(index)),
      bare: (index) => bareJson(`${url}/v1/todos/${idAt(index)}`, authorization),
    },
    listTodos: {
      sdk: () => client.todos.list({ limit: 25 }),
      bare: () => bareJson(`${url}/v1/todos?limit=25`, authorization),
    },
  };
}

/** Both sides must answer the same thing, or the comparison means nothing. */
async function checkSameAnswers(pairs, ids) {
  const [viaSdk, bare] = await Promise.all([pairs.getTodo.sdk(0), pairs.getTodo.bare(0)]);
  if (viaSdk.id !== ids[0] || bare.id !== ids[0]) {
    throw new Error(`getTodo answered ${viaSdk.id} via the SDK and ${bare.id} bare, expected ${ids[0]}`);
  }
  const [sdkPage, barePage] = await Promise.all([pairs.listTodos.sdk(0), pairs.listTodos.bare(0)]);
  if (sdkPage.items.length !== 25 || barePage.items.length !== 25) {
    throw new Error(
      `listTodos answered ${sdkPage.items.length} todos via the SDK and ${barePage.items.length} bare, expected 25`,
    );
  }
}

/**
 * Seeds the gateway at `gatewayUrl`, then measures each call of {@link MEASURED_CALLS} through
 * the built SDK at `sdkEntry` (dist/esm/index.js) and bare, sequentially, in alternating rounds;
 * both sides, and the seeding, send the same `accessToken`. Returns, per call,
 * `{ sdk, bare, roundRatios }` with medians and p90s in ms.
 */
export async function measureOverhead({ gatewayUrl, accessToken, sdkEntry, settings, log }) {
  const { createClient } = await import(pathToFileURL(sdkEntry).href);
  const authorization = `Bearer ${accessToken}`;
  const ids = await seedTodos(gatewayUrl, authorization, settings.seed);
  const client = createClient({ baseUrl: gatewayUrl, auth: accessToken });
  const pairs = callPairs(client, gatewayUrl, authorization, ids);
  await checkSameAnswers(pairs, ids);
  const results = {};
  for (const name of Object.keys(MEASURED_CALLS)) {
    log(
      `${name}: ${settings.warmupCalls} warm-up calls each, then ${settings.rounds} rounds of ${settings.callsPerRound} calls each, alternating`,
    );
    const { subject, baseline, roundRatios } = await compareInRounds({
      subject: pairs[name].sdk,
      baseline: pairs[name].bare,
      warmupCalls: settings.warmupCalls,
      rounds: settings.rounds,
      callsPerRound: settings.callsPerRound,
    });
    results[name] = { sdk: subject, bare: baseline, roundRatios };
  }
  return results;
}
