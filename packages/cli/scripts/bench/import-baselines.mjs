// What `todo import` is read against, measured in the same run: the same todos created one at a
// time through the SDK (what a script without the bulk endpoint would do), and the same items
// written straight to a dynalite on disk with BatchWriteItem, the floor the gateway's own store
// stands on. The AWS SDK, dynalite and ulid are resolved from @todolist/handlers, whose
// dependencies they are.
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
 * time; answers the wall time.
 */
export async function createOneByOne({ sdkEntry, url, count, inFlight }) {
  const { createClient } = await import(pathToFileURL(sdkEntry).href);
  const client = createClient({ baseUrl: url });
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

/**
 * Starts dynalite on disk in `dataDir` (in this process, as the gateway runs its own), creates the
 * table, and writes `count` items with BatchWriteCommand, 25 per call, 4 calls in flight; answers
 * the wall time of the writes alone and a stop function.
 */
export async function writeStraightToDynalite({ handlersRoot, dataDir, count }) {
  const require = createRequire(join(handlersRoot, 'package.json'));
  const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
  const { default: dynalite } = await load('dynalite');
  const { DynamoDBClient, CreateTableCommand } = await load('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient, BatchWriteCommand } = await load('@aws-sdk/lib-dynamodb');
  const { monotonicFactory } = await load('ulid');

  const server = dynalite({ path: dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const raw = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${server.address().port}`,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const stop = () =>
    new Promise((resolve) => {
      raw.destroy();
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  try {
    await raw.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    const client = DynamoDBDocumentClient.from(raw);
    const ulid = monotonicFactory();
    const batches = Math.ceil(count / WRITES_PER_BATCH);
    const started = performance.now();
    let written = 0;
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
