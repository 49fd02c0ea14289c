import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  ResourceNotFoundException,
  ScanCommand,
  type TableDescription,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { TODO_INDEXES, TTL_ATTRIBUTE, tableDefinition, upgradeItems } from '@todolist/handlers';

/** What {@link ensureTable} found and did. */
export type TableOutcome = 'created' | 'current' | 'migrated';

// A data folder made before lists has a table without the local secondary indexes, which
// DynamoDB (and dynalite) can only create with a table. So the migration copies: the items, in
// today's shape, into a new table `<name>-next`, marked complete once all are there; then the old
// table is dropped, made again with the indexes, and filled from the copy; then the copy is
// dropped. Each step is safe to repeat, and start-up resumes from whichever state it finds, so a
// crash at any point loses nothing: until the mark, the old table is whole; after it, the copy is.

const COMPLETE_MARK = { pk: 'MIGRATION', sk: 'COMPLETE' } as const;

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

function hasIndexes(table: TableDescription): boolean {
  const names = new Set((table.LocalSecondaryIndexes ?? []).map((index) => index.IndexName));
  return Object.values(TODO_INDEXES).every((index) => names.has(index.name));
}

/**
 * Waits until the table is ACTIVE (`exists`) or gone. dynalite, like DynamoDB, makes and drops a
 * table after answering (a timer, even at 0 ms), so a table dropped and made again at once could
 * be dropped after it was made. Polled every 20 ms; the SDK's waiters start at 20 s.
 */
export async function waitForTable(
  client: DynamoDBClient,
  tableName: string,
  exists: boolean,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const table = await describe(client, tableName);
    if (exists ? table?.TableStatus === 'ACTIVE' : table === undefined) return;
    if (Date.now() > deadline)
      throw new Error(`the table ${tableName} did not become ${exists ? 'active' : 'gone'} in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function create(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  await waitForTable(client, tableName, true);
  // dynalite does not expire items, but the call keeps the table's description true to AWS's.
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    )
    .catch(() => undefined);
}

async function drop(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  await waitForTable(client, tableName, false);
}

async function isComplete(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: marshall(COMPLETE_MARK), ConsistentRead: true }),
  );
  return Item !== undefined;
}

/** Every item of the table but the migration's mark, read whole (a local data folder fits in memory). */
async function readAll(client: DynamoDBClient, tableName: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.filter((item) => !(item.pk?.S === COMPLETE_MARK.pk && item.sk?.S === COMPLETE_MARK.sk));
}

async function writeAll(client: DynamoDBClient, tableName: string, items: Record<string, AttributeValue>[]) {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = (answer.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

/**
 * Makes the todo table with the handlers' key schema and indexes (the CDK stack's too) unless
 * it exists; migrates one made by an older version, nothing lost, and resumes a migration a
 * crash interrupted.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<TableOutcome> {
  const next = `${tableName}-next`;
  let current = await describe(client, tableName);
  let copy = await describe(client, next);
  if (current && hasIndexes(current) && !copy) return 'current';
  if (!current && !copy) {
    await create(client, tableName);
    return 'created';
  }
  if (copy && !(await isComplete(client, next))) {
    if (!current) throw new Error(`the table ${tableName} is missing and its migration copy is incomplete`);
    await drop(client, next);
    copy = undefined;
  }
  if (current && !hasIndexes(current)) {
    if (!copy) {
      await create(client, next);
      const upgraded = upgradeItems(
        (await readAll(client, tableName)).map((item) => unmarshall(item) as never),
      );
      await writeAll(
        client,
        next,
        upgraded.map((item) => marshall(item, { removeUndefinedValues: true })),
      );
      await writeAll(client, next, [marshall(COMPLETE_MARK)]);
    }
    await drop(client, tableName);
    current = undefined;
  }
  if (!current) await create(client, tableName);
  await writeAll(client, tableName, await readAll(client, next));
  await drop(client, next);
  return 'migrated';
}
