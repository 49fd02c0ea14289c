import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  isSyncExpiredError,
  ResponseValidationError,
  SyncExpiredError,
  TodoSdkError,
  ValidationError,
} from '../src/index.js';
import { aTodo, inTurn, problemAnswer } from './support/api-answers.js';
import { aPage, todoUpsert } from './support/feed-answers.js';
import { gapsBetween, MOCK_BASE_URL, useMockApi } from './support/mock-api-server.js';
import { quickClient } from './support/quick-client.js';

// `client.changes` against msw: what is asked, how answers are checked, how a 410 reads, and how
// `iterate` follows the cursor. The feed itself is tested against the real gateway (e2e/).

const api = useMockApi();
const CHANGES = `${MOCK_BASE_URL}/v1/changes`;

/** The `since` of each request that reached msw, in order (`null` for none). */
const sinces = () => api.requests.map((request) => request.url.searchParams.get('since'));

describe('client.changes.since', () => {
  it('without a cursor asks for one for now; with one, what changed since, as the contract says', async () => {
    const change = todoUpsert({ title: 'Milk' });
    api.server.use(
      http.get(CHANGES, ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.has('since') ? aPage([change], 'c2') : aPage([], 'c1'),
        ),
      ),
    );
    const client = quickClient();

    const now = await client.changes.since();
    const page = await client.changes.since(now.cursor, { limit: 10 });

    expect(now).toEqual({ changes: [], cursor: 'c1', hasMore: false });
    expect(page).toEqual({ changes: [change], cursor: 'c2', hasMore: false });
    expect(api.requests.map((request) => request.url.search)).toEqual(['', '?since=c1&limit=10']);
  });

  it('a cursor older than the feed keeps is a SyncExpiredError, not retried', async () => {
    api.server.use(http.get(CHANGES, () => problemAnswer('sync_expired', { requestId: 'r-410' })));

    const error = await quickClient()
      .changes.since('c1_old')
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(SyncExpiredError);
    expect(error).toBeInstanceOf(TodoSdkError);
    expect(isSyncExpiredError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 410,
      code: 'sync_expired',
      requestId: 'r-410',
      path: '/v1/changes',
    });
    expect((error as Error).message).toMatch(
      /^GET \/v1\/changes failed: .*\(410 sync_expired, request id r-410\)$/,
    );
    expect(api.requests).toHaveLength(1);
  });

  it('another 410 is not taken for an expired cursor', async () => {
    api.server.use(http.get(CHANGES, () => HttpResponse.json({ message: 'gone' }, { status: 410 })));

    const error = await quickClient()
      .changes.since('c1')
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(TodoSdkError);
    expect(isSyncExpiredError(error)).toBe(false);
    expect(error).toMatchObject({ status: 410, code: 'http_410' });
  });

  it('a refused cursor is the API’s ValidationError', async () => {
    api.server.use(
      http.get(CHANGES, () => problemAnswer('invalid_cursor', { detail: 'since is not a cursor' })),
    );

    const error = await quickClient()
      .changes.since('nonsense')
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_cursor' });
  });

  it.each([
    [
      'a change of an unknown type',
      { changes: [{ type: 'tag', op: 'upsert', id: 'x' }], cursor: 'c', hasMore: false },
    ],
    [
      'a todo change without its todo',
      { changes: [{ type: 'todo', op: 'upsert', id: 'x' }], cursor: 'c', hasMore: false },
    ],
    ['no cursor', { changes: [], hasMore: false }],
    [
      'a list change that is a todo',
      { changes: [{ type: 'list', op: 'upsert', id: 'x', list: aTodo() }], cursor: 'c', hasMore: false },
    ],
  ])('a malformed page (%s) is a ResponseValidationError', async (_, page) => {
    api.server.use(http.get(CHANGES, () => HttpResponse.json(page)));

    const error = await quickClient()
      .changes.since('c1')
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ code: 'response_invalid', path: '/v1/changes' });
  });

  it('a page the server answers 503 for is read again, with backoff', async () => {
    api.server.use(
      http.get(
        CHANGES,
        inTurn(
          () => problemAnswer('service_unavailable'),
          () => HttpResponse.json(aPage([], 'c2')),
        ),
      ),
    );

    expect(await quickClient().changes.since('c1')).toEqual(aPage([], 'c2'));
    expect(sinces()).toEqual(['c1', 'c1']);
  });
});

describe('client.changes.iterate', () => {
  it('follows the cursor while the feed has more, and yields the last page, empty or not', async () => {
    const pages: Record<string, ReturnType<typeof aPage>> = {
      c1: aPage([todoUpsert({ title: 'a' })], 'c2', true),
      c2: aPage([todoUpsert({ title: 'b' })], 'c3', true),
      c3: aPage([], 'c4'),
    };
    api.server.use(
      http.get(CHANGES, ({ request }) =>
        HttpResponse.json(pages[new URL(request.url).searchParams.get('since') ?? '']),
      ),
    );

    const seen = [];
    for await (const page of quickClient().changes.iterate('c1')) seen.push(page);

    expect(seen).toEqual([pages.c1, pages.c2, pages.c3]);
    expect(sinces()).toEqual(['c1', 'c2', 'c3']);
  });

  it('after an empty page that has more, waits before reading again instead of spinning, and yields nothing for it', async () => {
    api.server.use(
      http.get(
        CHANGES,
        inTurn(
          () => HttpResponse.json(aPage([], 'c2', true)),
          () => HttpResponse.json(aPage([], 'c3', true)),
          () => HttpResponse.json(aPage([todoUpsert()], 'c4')),
        ),
      ),
    );

    const seen = [];
    for await (const page of quickClient().changes.iterate('c1', { overlapWaitMs: 150 })) seen.push(page);

    expect(seen).toEqual([aPage([todoUpsert()], 'c4')]);
    expect(sinces()).toEqual(['c1', 'c2', 'c3']);
    // A timer is never early: each read waited at least the overlap wait (less a millisecond of rounding).
    for (const gap of gapsBetween(api.requests)) expect(gap).toBeGreaterThanOrEqual(149);
  });

  it('stops reading when the loop stops', async () => {
    api.server.use(http.get(CHANGES, () => HttpResponse.json(aPage([todoUpsert()], 'more', true))));

    for await (const page of quickClient().changes.iterate('c1')) {
      expect(page.hasMore).toBe(true);
      break;
    }

    expect(api.requests).toHaveLength(1);
  });

  it('an abort while it waits ends it at once with an AbortedError, reading nothing more', async () => {
    api.server.use(http.get(CHANGES, () => HttpResponse.json(aPage([], 'c2', true))));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    // The wait is longer than the test may take: only the abort can end it in time.
    const error = await (async () => {
      for await (const _ of quickClient().changes.iterate('c1', {
        signal: controller.signal,
        overlapWaitMs: 60_000,
      }));
    })().catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(AbortedError);
    expect(api.requests).toHaveLength(1);
  });

  it('passes a SyncExpiredError on', async () => {
    api.server.use(http.get(CHANGES, () => problemAnswer('sync_expired')));

    const error = await (async () => {
      for await (const _ of quickClient().changes.iterate('c1'));
    })().catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(SyncExpiredError);
  });
});
