// `client.filters` against the real API behind the local gateway: a person's saved filters, run
// as `filter=`, kept apart from another person's, and the errors a user of the SDK meets.
import { signInLocally } from '@todolist/local/testing';
import {
  ConflictError,
  createClient,
  NotFoundError,
  PreconditionFailedError,
  type TodolistClient,
  ValidationError,
} from '@todolist/sdk';
import { MAX_SAVED_FILTERS } from '@todolist/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';
import { recordingFetch } from './support/recording-fetch.js';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let ada: TodolistClient;
let sam: TodolistClient;
const sent = recordingFetch();

beforeAll(async () => {
  gateway = await startTestGateway();
  const clientOf = async (email: string, fetch?: typeof globalThis.fetch) =>
    createClient({
      baseUrl: gateway.url,
      auth: (await signInLocally(gateway.url, email)).accessToken,
      ...(fetch ? { fetch } : {}),
    });
  [ada, sam] = await Promise.all([
    clientOf('ada@filters.example.com', sent.fetch),
    clientOf('sam@filters.example.com'),
  ]);
});

afterAll(async () => {
  await gateway?.close();
});

describe('client.filters', () => {
  it('saves a filter, runs it as filter=, changes it at its version and deletes it', async () => {
    await ada.todos.create({ title: 'Report', tags: ['work'], priority: 'high' });
    await ada.todos.create({ title: 'Groceries', tags: ['home'] });
    const urgentWork = await ada.filters.create({ name: 'Urgent work', query: 'p1 & #work' });
    expect(urgentWork).toMatchObject({ name: 'Urgent work', query: 'p1 & #work', version: 1 });
    expect(await ada.filters.get(urgentWork.id.toLowerCase())).toEqual(urgentWork);
    const found = await ada.todos.list({ filter: urgentWork.query });
    expect(found.items.map((todo) => todo.title)).toEqual(['Report']);

    const home = await ada.filters.update(urgentWork.id, { name: 'Home', query: '#home' }, { ifMatch: 1 });
    expect(home).toMatchObject({ name: 'Home', query: '#home', version: 2 });
    const stale = await ada.filters
      .update(urgentWork.id, { name: 'Lost' }, { ifMatch: 1 })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    expect(stale).toMatchObject({ code: 'precondition_failed', currentVersion: 2 });
    expect((await ada.filters.list()).items).toEqual([home]);

    await ada.filters.delete(urgentWork.id, { ifMatch: home.version });
    const gone = await ada.filters.get(urgentWork.id).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone).toMatchObject({ code: 'filter_not_found' });
  });

  it('refuses a query that does not parse before sending it, saying where, as the API would', async () => {
    const before = sent.requests.length;
    const refused = await ada.filters.create({ name: 'Broken', query: 'today &' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as Error).message).toContain(
      'query: a filter word, "!" or "(" expected after "&" (at character 8)',
    );
    expect(sent.requests.length).toBe(before);
  });

  it("keeps each person's filters their own", async () => {
    const adas = await ada.filters.create({ name: 'Mine', query: 'today' });
    expect((await sam.filters.list()).items).toEqual([]);
    expect(await sam.filters.get(adas.id).catch((error: unknown) => error)).toBeInstanceOf(NotFoundError);
    expect(await sam.filters.delete(adas.id).catch((error: unknown) => error)).toBeInstanceOf(NotFoundError);
    expect(await ada.filters.get(adas.id)).toEqual(adas);
  });

  it(`refuses the filter past ${MAX_SAVED_FILTERS} with a ConflictError, limit_reached`, async () => {
    for (let made = 0; made < MAX_SAVED_FILTERS; made++) {
      await sam.filters.create({ name: `Filter ${made}`, query: 'p1' });
    }
    const refused = await sam.filters.create({ name: 'One too many', query: 'p2' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ code: 'limit_reached', status: 409 });
    const listed = (await sam.filters.list()).items;
    expect(listed.map((saved) => saved.name)).toEqual(
      Array.from({ length: MAX_SAVED_FILTERS }, (_, at) => `Filter ${at}`),
    );
  });
});
