import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_SAVED_FILTERS } from '@todolist/sdk/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { isTodoApiError } from '../errors.js';
import { createDynamoDbClients } from './client.js';
import { ownerPartition, savedFilterKey } from './keys.js';
import { SavedFilterStore } from './saved-filter-store.js';
import { TODO_INDEXES } from './table-schema.js';

const { tableName, dynamodbEndpoint } = readConfig();
const { client, documentClient } = createDynamoDbClients({ dynamodbEndpoint });
afterAll(() => client.destroy());

const filters = new SavedFilterStore(documentClient, { tableName });
let people = 0;
const newPerson = () => `filters-${++people}-${Date.now()}`;
const workToday = { name: 'Work today', query: '(today | overdue) & #work' };

/** The code and headers of the API error a call rejects with, or what it resolved to. */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => (isTodoApiError(error) ? { code: error.code, headers: error.headers } : { error }),
  );

describe('SavedFilterStore', () => {
  it('saves a filter at version 1, reads it back and lists every one of the person’s, oldest first', async () => {
    const me = newPerson();
    const saved = await filters.create(me, workToday);
    expect(saved).toMatchObject({ ...workToday, version: 1, id: expect.stringMatching(/^[0-9A-Z]{26}$/) });
    expect(saved.updatedAt).toBe(saved.createdAt);
    expect(await filters.get(me, saved.id)).toEqual(saved);
    const later = [
      await filters.create(me, { name: 'Urgent', query: 'p1' }),
      await filters.create(me, { name: 'Someday', query: 'no date' }),
    ];
    expect((await filters.list(me)).items).toEqual([saved, ...later]);
  });

  it("keeps each person's filters their own: another person's is not found, nor listed", async () => {
    const [ada, sam] = [newPerson(), newPerson()];
    const adas = await filters.create(ada, workToday);
    expect((await filters.list(sam)).items).toEqual([]);
    for (const attempt of [
      () => filters.get(sam, adas.id),
      () => filters.update(sam, adas.id, { name: 'Mine now' }),
      () => filters.delete(sam, adas.id),
    ]) {
      expect(await outcome(attempt())).toMatchObject({ code: 'filter_not_found' });
    }
    expect(await filters.get(ada, adas.id)).toEqual(adas);
  });

  it('a patch changes the name, the query or both and bumps the version; If-Match at the current version applies it', async () => {
    const me = newPerson();
    const saved = await filters.create(me, workToday);
    const renamed = await filters.update(me, saved.id, { name: 'Work, today' });
    expect(renamed).toMatchObject({ name: 'Work, today', query: workToday.query, version: 2 });
    const requeried = await filters.update(me, saved.id, { query: 'today & #work & !p3' }, 2);
    expect(requeried).toMatchObject({ name: 'Work, today', query: 'today & #work & !p3', version: 3 });
    expect(requeried.createdAt).toBe(saved.createdAt);
    expect(await filters.get(me, saved.id)).toEqual(requeried);
  });

  it('a stale If-Match changes nothing and is a 412 with the current version as its ETag', async () => {
    const me = newPerson();
    const saved = await filters.create(me, workToday);
    const current = await filters.update(me, saved.id, { name: 'Changed first' });
    expect(await outcome(filters.update(me, saved.id, { name: 'Lost update' }, 1))).toEqual({
      code: 'precondition_failed',
      headers: { ETag: '"2"' },
    });
    expect(await outcome(filters.delete(me, saved.id, 1))).toMatchObject({ code: 'precondition_failed' });
    expect(await filters.get(me, saved.id)).toEqual(current);
  });

  it('racing changes on one version: exactly one of them lands, the others are 412 and change nothing', async () => {
    const me = newPerson();
    const saved = await filters.create(me, workToday);
    const names = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    const outcomes = await Promise.all(
      names.map((name) => outcome(filters.update(me, saved.id, { name }, saved.version))),
    );
    const landed = outcomes.flatMap((each) => ('resolved' in each ? [each.resolved] : []));
    expect(landed).toHaveLength(1);
    expect(outcomes.filter((each) => 'code' in each && each.code === 'precondition_failed')).toHaveLength(5);
    expect(await filters.get(me, saved.id)).toEqual(landed[0]);
    expect(landed[0]).toMatchObject({ version: 2 });
  });

  it('racing changes without If-Match, to different fields, all land: neither is lost', async () => {
    const me = newPerson();
    const saved = await filters.create(me, workToday);
    await Promise.all([
      filters.update(me, saved.id, { name: 'Renamed' }),
      filters.update(me, saved.id, { query: 'p1' }),
    ]);
    expect(await filters.get(me, saved.id)).toMatchObject({ name: 'Renamed', query: 'p1', version: 3 });
  });

  it('deletes a filter, then answers filter_not_found for it, with If-Match or without', async () => {
    const me = newPerson();
    const kept = await filters.create(me, { name: 'Kept', query: 'p1' });
    const saved = await filters.create(me, workToday);
    await filters.delete(me, saved.id, 1);
    for (const attempt of [
      () => filters.get(me, saved.id),
      () => filters.delete(me, saved.id),
      () => filters.delete(me, saved.id, 1),
      () => filters.update(me, saved.id, { name: 'Back' }),
      () => filters.update(me, saved.id, { name: 'Back' }, 1),
    ]) {
      expect(await outcome(attempt())).toMatchObject({ code: 'filter_not_found' });
    }
    expect((await filters.list(me)).items).toEqual([kept]);
  });

  it(`refuses a filter past ${MAX_SAVED_FILTERS} with limit_reached, and takes one again after a delete`, async () => {
    const me = newPerson();
    const made = await Promise.all(
      Array.from({ length: MAX_SAVED_FILTERS }, (_, at) =>
        filters.create(me, { name: `F${at}`, query: 'p1' }),
      ),
    );
    const refused = await outcome(filters.create(me, workToday));
    expect(refused).toMatchObject({ code: 'limit_reached' });
    expect((await filters.list(me)).items).toHaveLength(MAX_SAVED_FILTERS);
    await filters.delete(me, (made[0] as { id: string }).id);
    expect(await filters.create(me, workToday)).toMatchObject(workToday);
  });

  it('stores only its own fields: no change stamp nor any index key, so no index of the partition holds it', async () => {
    const me = newPerson();
    const saved = await filters.create(me, workToday);
    await filters.update(me, saved.id, { query: 'p1' });
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: savedFilterKey(me, saved.id), ConsistentRead: true }),
    );
    expect(Object.keys(Item ?? {}).sort()).toEqual(
      ['pk', 'sk', 'name', 'query', 'createdAt', 'updatedAt', 'version'].sort(),
    );
    for (const index of Object.values(TODO_INDEXES)) {
      const { Count } = await documentClient.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': ownerPartition(me) },
          Select: 'COUNT',
        }),
      );
      expect(Count, index.name).toBe(0);
    }
  });
});
