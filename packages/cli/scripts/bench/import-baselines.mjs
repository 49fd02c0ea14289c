// What `todo import` is read against, measured in the same run: the same todos created one at a
// time through the SDK (what a script without the bulk endpoint would do), and the same items
// written straight to a dynalite on disk with BatchWriteItem, the floor the gateway's own store
// stands on. The AWS SDK and ulid are resolved from the local gateway's build, whose
// dependencies they are.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchCreateInput, benchItem } from './import-rows.mjs';

const TABLE = 'todolist-bench';
const WRITES_PER_BATCH = 25;
const BATCHES_IN_FLIGHT = 4;

/** Runs `work(index)` for 0 … count-1, `inFlight` at a time. */
async function pool(count, inFlight, work) {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

/**
 * Creates `count` todos through the gateway at `url` with `client.todos.create`, `inFlight` at a
 * time, as the person whose `accessToken` the client sends; answers the wall time.
 */
export async function createOneByOne({ sdkEntry, url, accessToken, count, inFlight }) {
  const { createClient } = await import(pathToFileURL(sdkEntry).href);
  const client = createClient({ baseUrl: url, auth: accessToken });
  const started = performance.now();
  let created = 0;
  await pool(count, inFlight, async (index) => {
    await client.todos.create(benchCreateInput(index));
    created++;
  });
  const ms = performance.now() - started;
  if (created !== count) throw new Error(`the SDK created ${created} todos, not ${count}`);
  return { ms };
}

/** PutItems in flight in the conditional baseline: as many as the import's store keeps. */
const CONDITIONAL_IN_FLIGHT = 25;

/**
 * Starts dynalite on disk in `dataDir` (in this process, as the gateway runs its own), creates the
 * table, and writes `count` items; answers the wall time of the writes alone and a stop function.
 * `batch`: BatchWriteCommand, 25 per call, 4 calls in flight, unconditional (the engine's fastest
 * way in). `conditional`: one PutCommand per item conditional on its absence, 25 in flight, as
 * the import's store writes (BatchWriteItem cannot be conditional).
 */
export async function writeStraightToDynalite({ gatewayMain, dataDir, count, mode = 'batch' }) {
  const require = createRequire(gatewayMain);
  const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
  // The local gateway's own dynalite start-up and table, from the same build: the baseline
  // differs from the import only in going straight to the database.
  const { startDynalite, ensureTable } = await import(
    pathToFileURL(join(dirname(gatewayMain), 'testing.mjs')).href
  );
  const { DynamoDBClient } = await load('@aws-sdk/client-dynamodb');
  const { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } = await load('@aws-sdk/lib-dynamodb');
  const { monotonicFactory } = await load('ulid');

  const database = await startDynalite({ path: dataDir });
  const raw = new DynamoDBClient({
    endpoint: database.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const stop = async () => {
    raw.destroy();
    await database.close();
  };
  try {
    await ensureTable(raw, TABLE);
    const ulid = monotonicFactory();
    const batches = Math.ceil(count / WRITES_PER_BATCH);
    const started = performance.now();
    let written = 0;
    if (mode === 'conditional') {
      const now = new Date().toISOString();
      await pool(count, CONDITIONAL_IN_FLIGHT, async (index) => {
        const Item = benchItem(index, ulid(), now);
        await client.send(
          new PutCommand({ TableName: TABLE, Item, ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        written++;
      });
      return { ms: performance.now() - started, stop };
    }
    await pool(batches, BATCHES_IN_FLIGHT, async (batch) => {
      const now = new Date().toISOString();
      let pending = [];
      for (
        let index = batch * WRITES_PER_BATCH;
        index < Math.min(count, (batch + 1) * WRITES_PER_BATCH);
        index++
      )
        pending.push({ PutRequest: { Item: benchItem(index, ulid(), now) } });
      const size = pending.length;
      while (pending.length > 0) {
        const answer = await client.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }));
        pending = answer.UnprocessedItems?.[TABLE] ?? [];
      }
      written += size;
    });
    const ms = performance.now() - started;
    if (written !== count) throw new Error(`dynalite took ${written} items, not ${count}`);
    return { ms, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
