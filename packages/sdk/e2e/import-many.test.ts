import { signInLocally } from '@todolist/local/testing';
import { createClient, importItemId, type TodoImportItem, type TodolistClient } from '@todolist/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './support/local-gateway.js';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let client: TodolistClient;

beforeAll(async () => {
  gateway = await startTestGateway();
  const { accessToken } = await signInLocally(gateway.url, 'importer@example.com');
  client = createClient({ baseUrl: gateway.url, auth: accessToken });
});
afterAll(() => gateway?.close());

async function countTagged(tag: string): Promise<number> {
  let count = 0;
  for await (const _ of client.todos.iterate({ tag })) count++;
  return count;
}

function* rows(tag: string, count: number): Generator<TodoImportItem> {
  for (let index = 0; index < count; index++) yield { title: `Row ${index}`, tags: [tag] };
}

describe('todos.importMany against the local gateway', () => {
  it('creates every item once, and a re-run with the same importId creates nothing', async () => {
    const first = await client.todos.importMany(rows('rerun', 250));
    expect(first).toMatchObject({ created: 250, existing: 0, rejected: [] });
    const again = await client.todos.importMany(rows('rerun', 250), { importId: first.importId });
    expect(again).toMatchObject({ importId: first.importId, created: 0, existing: 250, rejected: [] });
    expect(await countTagged('rerun')).toBe(250);
  });

  it('gives each item the id derived from the import and its position, listed in source order', async () => {
    const { importId } = await client.todos.importMany(rows('ordered', 30), { batchSize: 7 });
    const listed = [];
    for await (const todo of client.todos.iterate({ tag: 'ordered' })) listed.push(todo);
    expect(listed.map((todo) => todo.id)).toEqual(
      Array.from({ length: 30 }, (_, index) => importItemId(importId, index)),
    );
    expect(listed.map((todo) => todo.title)).toEqual(
      Array.from({ length: 30 }, (_, index) => `Row ${index}`),
    );
  });

  it('leaves a todo changed since the first run as it is', async () => {
    const first = await client.todos.importMany(rows('edited', 3));
    const id = importItemId(first.importId, 1);
    await client.todos.update(id, { title: 'Changed by hand' });
    await client.todos.importMany(rows('edited', 3), { importId: first.importId });
    expect(await client.todos.get(id)).toMatchObject({ title: 'Changed by hand', version: 2 });
  });

  it('reports bad items by their position while the good ones go in', async () => {
    const items = [
      { title: 'Good' },
      { title: '' },
      { title: 'Also good', dueDate: 'soon' },
      { title: 'Fine', tags: ['bad'] },
    ];
    const summary = await client.todos.importMany(items as TodoImportItem[]);
    expect(summary.created).toBe(2);
    expect(summary.rejected.map((item) => item.index)).toEqual([1, 2]);
    expect(summary.rejected[0]?.error.fieldErrors[0]?.path).toBe('title');
  });

  it('reads an async source only as fast as batches go out, and reports progress', async () => {
    let read = 0;
    let maxAhead = 0;
    const seen: number[] = [];
    async function* source(): AsyncGenerator<TodoImportItem> {
      for (let index = 0; index < 500; index++) {
        read++;
        maxAhead = Math.max(maxAhead, read - (seen.at(-1) ?? 0));
        yield { title: `Streamed ${index}`, tags: ['streamed'] };
      }
    }
    const summary = await client.todos.importMany(source(), {
      batchSize: 50,
      concurrency: 2,
      onProgress: ({ created }) => seen.push(created),
    });
    expect(summary.created).toBe(500);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(500);
    // At most the batches in flight plus the one being filled are read ahead of the answers.
    expect(maxAhead).toBeLessThanOrEqual(50 * 3);
  });
});
