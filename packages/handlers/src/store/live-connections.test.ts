import { afterAll, describe, expect, it } from 'vitest';
import { itemAt } from '../../test/support/stream-records.js';
import { readConfig } from '../config.js';
import { createDynamoDbClients } from './client.js';
import { connectionKey } from './keys.js';
import { connectionExpiry, LiveConnections } from './live-connections.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

let people = 0;
const aPerson = () => `live-person-${++people}-${Date.now()}`;
const inRegion = (region: string, now?: () => Date) =>
  new LiveConnections(documentClient, { tableName, region, ...(now ? { now } : {}) });

describe("a region's live connections", () => {
  it('an opened connection is found by its person, in its region only, until it closes', async () => {
    const [ireland, virginia] = [inRegion('eu-west-1'), inRegion('us-east-1')];
    const person = aPerson();
    await ireland.open(person, 'conn-a');
    await ireland.open(person, 'conn-b');
    await virginia.open(person, 'conn-c');
    expect((await ireland.of(person)).sort()).toEqual(['conn-a', 'conn-b']);
    expect(await virginia.of(person)).toEqual(['conn-c']);
    expect(await ireland.of(aPerson())).toEqual([]);

    await ireland.close(person, 'conn-a');
    expect(await ireland.of(person)).toEqual(['conn-b']);
  });

  it('is kept two hours and ten minutes by TTL: longer than API Gateway keeps any connection', async () => {
    const openedAt = new Date('2026-12-02T10:00:00Z');
    const person = aPerson();
    await inRegion('eu-west-1', () => openedAt).open(person, 'conn-ttl');
    const item = await itemAt(documentClient, tableName, connectionKey(person, 'eu-west-1', 'conn-ttl'));
    expect(item).toMatchObject({
      connectedAt: openedAt.toISOString(),
      expiration: connectionExpiry(openedAt),
    });
    expect(connectionExpiry(openedAt) - openedAt.getTime() / 1000).toBe(2 * 3600 + 600);
  });

  it('one past its expiry is not returned, though TTL has not removed it yet', async () => {
    const person = aPerson();
    const openedAt = new Date(Date.now() - 3 * 3600 * 1000);
    await inRegion('eu-west-1', () => openedAt).open(person, 'conn-stale');
    await inRegion('eu-west-1').open(person, 'conn-fresh');
    expect(await inRegion('eu-west-1').of(person)).toEqual(['conn-fresh']);
  });

  it('closing one that is already gone is no error', async () => {
    await expect(inRegion('eu-west-1').close(aPerson(), 'never-opened')).resolves.toBeUndefined();
  });
});
