import {
  type ErrorCode,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type RouteDefinition,
  routeList,
  TodoId,
} from '@todolist/sdk/contract';
import fc from 'fast-check';
import { applyQueryDefect, QUERY_DEFECT_CODES, type QueryDefect, queryDefect } from './query-defects.js';
import type { RequestDraft } from './request-draft.js';
import type { GatewayFixtures } from './well-formed-requests.js';

/** One thing wrong with a request's route, id, query or headers. */
export type RequestDefect =
  | { kind: 'wrongMethod'; method: string }
  | { kind: 'unknownPath'; path: string }
  | { kind: 'badId'; segment: string }
  | QueryDefect
  | { kind: 'badIdempotencyKey'; value: string | string[] }
  | { kind: 'badIfMatch'; value: string | string[] };

/** The codes a request with this defect may be refused with. */
export const REQUEST_DEFECT_CODES: Record<RequestDefect['kind'], ErrorCode[]> = {
  wrongMethod: ['method_not_allowed'],
  unknownPath: ['route_not_found'],
  badId: ['invalid_id'],
  ...QUERY_DEFECT_CODES,
  badIdempotencyKey: ['invalid_header'],
  badIfMatch: ['invalid_header'],
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

// The routes' paths as patterns, `{param}` standing for one segment: the oracle for "no such route".
const ROUTE_PATTERNS = routeList.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
}));
const isRoutedPath = (path: string) => ROUTE_PATTERNS.some(({ pattern }) => pattern.test(path));
/** The route a request reaches, if any. A path may match several: `/v1/todos/batch` is also an id. */
const routeOf = (method: string, path: string) =>
  ROUTE_PATTERNS.find(({ route, pattern }) => route.method === method && pattern.test(path))?.route;
// Each route with an id in its path, and which segment of the path is its last id.
const ID_PATTERNS = routeList
  .filter((route) => route.pathParams)
  .map((route) => ({
    pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`),
    idSegment: route.path.split('/').findLastIndex((segment) => segment.startsWith('{')),
  }));

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const routing = {
  unknownPath: fc
    .oneof(
      fc.constantFrom(
        '/v1',
        '/v1/',
        '/v1/todo',
        '/v1/todos/',
        '/v1/TODOS',
        '/v1/Todos/x',
        '/v1/openapi',
        '/v1/v1/todos',
      ),
      fc.constantFrom(
        '/v1/openapi.json/x',
        '/v1//todos',
        '/v1/todos//x',
        '/v1/todos/01J0000000000000000000000A/done',
      ),
      fc
        .array(fc.stringMatching(/^[a-z0-9._~-]{1,12}$/), { minLength: 1, maxLength: 3 })
        .map((s) => `/v1/${s.join('/')}`),
    )
    // URL parsing removes "." and ".." segments, which could turn an unknown path into a known one.
    .filter((path) => !isRoutedPath(path) && !path.split('/').some((s) => s === '.' || s === '..')),
};

const badIdSegment = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    fc.constantFrom(
      '%2F',
      'a%2Fb',
      '..%2F..%2Fetc%2Fpasswd',
      '%00',
      '%',
      '%zz',
      '%E0%A4%A',
      '%C0%AF',
      'null',
    ),
    fc.constantFrom(encodeURIComponent('ТОДО-ИДЕНТИФИКАТОР'), encodeURIComponent('😀'), 'batches', '*'),
    fc
      .ulid()
      .chain((id) =>
        fc.constantFrom(
          id.slice(1),
          `${id}0`,
          `${id.slice(0, 25)}U`,
          `8${id.slice(1)}`,
          `${id}%2F${id}`,
          `%20${id}`,
          `${id}%00`,
          encodeURIComponent(`${id.slice(0, 25)}é`),
        ),
      ),
    fc.nat({ max: 4000 }).map((extra) => '7'.repeat(27 + extra)),
  )
  .filter((segment) => {
    const id = decodeSegment(segment);
    return !TodoId.safeParse(id).success && id !== '.' && id !== '..';
  });

const visibleAscii = /^[\x21-\x7e]+$/;
// What the server sees: HTTP strips spaces and tabs around a header value.
const trimmedOws = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');
// Header values node:http will put on the wire: tab, visible ASCII and Latin-1 bytes.
const sendable = (value: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

const badIdempotencyKey = fc.oneof(
  fc.constantFrom('', 'has space', 'tab\there', 'clé-unique', 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)),
  fc.nat({ max: 1000 }).map((extra) => 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1 + extra)),
  fc
    .string({ unit: 'binary-ascii', maxLength: 40 })
    .filter((value) => sendable(value) && !visibleAscii.test(trimmedOws(value))),
  fc.tuple(fc.uuid(), fc.uuid()).map((keys) => [...keys]),
);

const badIfMatch = fc.oneof(
  fc.constantFrom('"abc"', 'abc', 'W/"1"', '"0"', '0', '"-1"', '"1.5"', '""', '', '"1", "2"', '*, "1"'),
  fc.constantFrom('"1234567890123456"', 'W/*', '"1"x'),
  // Anything holding a character besides digits and quotes is not an ETag of this API.
  fc
    .string({ unit: 'binary-ascii', maxLength: 20 })
    .map((value) => ({ value, seen: value.trim() })) // the server trims If-Match further than HTTP does
    .filter(({ value, seen }) => sendable(value) && /[^0-9"]/.test(seen) && seen !== '*')
    .map(({ value }) => value),
  fc.constant<string[]>(['"1"', '"1"']),
);

/**
 * The defects that make sense for a route, by what it reads. Routing defects are a small share:
 * the gateway refuses them before any handler runs, so they exercise little.
 */
export function requestDefect(route: RouteDefinition): fc.Arbitrary<RequestDefect> {
  // The route's path stands for its requests' paths (`{id}` matches itself); GET /v1/todos/batch
  // is getTodo's with a bad id, so it is no wrong method for importTodos.
  const allowed = new Set(
    ROUTE_PATTERNS.filter(({ pattern }) => pattern.test(route.path)).map(({ route }) => route.method),
  );
  const wrongMethod = fc
    .constantFrom(...METHODS.filter((method) => !allowed.has(method as RouteDefinition['method'])))
    .map((method) => ({ kind: 'wrongMethod', method }) as const);
  const headers = new Set((route.headers ?? []).map((header) => header.name));
  const weighted: fc.WeightedArbitrary<RequestDefect>[] = [
    { arbitrary: wrongMethod, weight: 1 },
    { arbitrary: routing.unknownPath.map((path) => ({ kind: 'unknownPath', path }) as const), weight: 1 },
  ];
  if (route.pathParams) {
    weighted.push({
      arbitrary: badIdSegment.map((segment) => ({ kind: 'badId', segment }) as const),
      weight: 3,
    });
  }
  // The query defects are written for the todo listing's parameters and its cursors.
  if (route.name === 'listTodos') weighted.push({ arbitrary: queryDefect, weight: 8 });
  if (headers.has('Idempotency-Key')) {
    const arbitrary = badIdempotencyKey.map((value) => ({ kind: 'badIdempotencyKey', value }) as const);
    weighted.push({ arbitrary, weight: 2 });
  }
  if (headers.has('If-Match')) {
    weighted.push({
      arbitrary: badIfMatch.map((value) => ({ kind: 'badIfMatch', value }) as const),
      weight: 3,
    });
  }
  return fc.oneof(...weighted);
}

function withIdSegment(draft: RequestDraft, segment: string): RequestDraft {
  // After an unknownPath defect there is no id left to spoil; that defect stands instead.
  const route = ID_PATTERNS.find(({ pattern }) => pattern.test(draft.path));
  if (!route) return draft;
  const segments = draft.path.split('/');
  segments[route.idSegment] = segment;
  return { ...draft, path: segments.join('/') };
}

/**
 * The spoiled draft, unless the defect would move it to another route (the bad id `batch` after
 * a wrong method POST makes an import): a defect must spoil a request, not send it elsewhere.
 */
function onSameRoute(draft: RequestDraft, spoiled: RequestDraft): RequestDraft {
  return routeOf(spoiled.method, spoiled.path) === routeOf(draft.method, draft.path) ? spoiled : draft;
}

/** The draft with the defect applied (see `applyBodyDefect` for why defects never cancel out). */
export function applyRequestDefect(
  draft: RequestDraft,
  defect: RequestDefect,
  fixtures: GatewayFixtures,
): RequestDraft {
  switch (defect.kind) {
    case 'wrongMethod':
      // After a bad id `batch`, POST is served (by importTodos): no wrong method there.
      return routeOf(defect.method, draft.path) ? draft : { ...draft, method: defect.method };
    case 'unknownPath':
      return { ...draft, path: defect.path };
    case 'badId':
      return onSameRoute(draft, withIdSegment(draft, defect.segment));
    case 'unknownParam':
    case 'repeatedParam':
    case 'badParam':
    case 'garbageCursor':
    case 'tamperedCursor':
    case 'cursorOfOtherListing':
      return applyQueryDefect(draft, defect, fixtures);
    case 'badIdempotencyKey':
      return { ...draft, headers: { ...draft.headers, 'idempotency-key': defect.value } };
    case 'badIfMatch':
      return { ...draft, headers: { ...draft.headers, 'if-match': defect.value } };
  }
}
