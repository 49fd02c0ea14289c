import { MAX_PAGE_SIZE, type RouteName, routes, TodoCreate, TodoPatch } from '@todolist/sdk/contract';
import fc from 'fast-check';
import { PROTOTYPE_NAMES } from './query-defects.js';
import type { RequestDraft } from './request-draft.js';

/** What exists on the gateway before the requests are generated. */
export interface GatewayFixtures {
  /** Ids of todos that exist. */
  ids: string[];
  /** A real `nextCursor` of `GET /v1/todos?limit=1`. */
  cursor: string;
  /** The `nextCursor` of the page after that one, for the same listing. */
  nextCursor: string;
  /** A real cursor issued for another listing (`status=open`). */
  otherListingCursor: string;
  /** Ids of the caller's lists that exist. */
  listIds: string[];
  /** Ids of the caller's saved filters that exist. */
  filterIds: string[];
}

const JSON_HEADERS = { 'content-type': 'application/json' };

const title = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.!?-]{0,40}$/);
const tag = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,15}$/);
const dueDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const fields = {
  title,
  notes: fc.option(fc.string({ maxLength: 80 }), { nil: null }),
  dueDate: fc.option(dueDate, { nil: null }),
  priority: fc.constantFrom('low', 'normal', 'high'),
  tags: fc.uniqueArray(tag, { maxLength: 4 }),
  completed: fc.boolean(),
};

const createBody = fc
  .record(fields, { requiredKeys: ['title'] })
  .filter((body) => TodoCreate.safeParse(body).success);
// Mostly good items, with or without an id (some of a todo that exists), and a few bad ones:
// an import answers 200 whatever its items, reporting the bad ones "rejected".
const importItem = (existingId: fc.Arbitrary<string>) =>
  fc.oneof(
    {
      arbitrary: fc
        .tuple(createBody, fc.option(fc.oneof(fc.ulid(), existingId), { nil: undefined }))
        .map(([item, id]) => (id === undefined ? item : { id, ...item })),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom<unknown>(
        { title: ' ' },
        { title: 'x', colour: 'red' },
        { id: 'x', title: 'x' },
        'x',
        null,
      ),
      weight: 1,
    },
  );

// Quick-add words around a title: a date, a priority, tags, notes, a list no one has (kept in the title).
const quickAddText = fc
  .tuple(
    title,
    fc.constantFrom('', ' tomorrow', ' fri 5pm', ' every monday', ' dec 24'),
    fc.constantFrom('', ' p1', ' !!'),
    fc.constantFrom('', ' #home', ' #work #later'),
    fc.constantFrom('', ' @nowhere', ' // with notes'),
  )
  .map((parts) => parts.join(''));

const patchBody = fc
  .record(fields, { requiredKeys: [] })
  .filter((body) => Object.keys(body).length > 0 && TodoPatch.safeParse(body).success);

const draft = (fields: Partial<RequestDraft> & Pick<RequestDraft, 'method' | 'path'>): RequestDraft => ({
  query: [],
  headers: {},
  body: null,
  ...fields,
});

// Headers no route reads, so they change no answer: names that plain objects inherit among them.
const unreadHeaders = fc
  .uniqueArray(fc.constantFrom('x-client-note', ...PROTOTYPE_NAMES), {
    maxLength: 2,
  })
  .map((names) => Object.fromEntries(names.map((name) => [name, 'unread'])));

/** The draft with headers added that must not change its answer. */
const withUnreadHeaders = (arbitrary: fc.Arbitrary<RequestDraft>) =>
  fc.tuple(arbitrary, unreadHeaders).map(([request, extra]) => ({
    ...request,
    headers: Object.fromEntries([...Object.entries(extra), ...Object.entries(request.headers)]),
  }));

const todoPath = (id: string) => routes.getTodo.path.replace('{id}', id);
const listPath = (listId: string, suffix = '') =>
  `${routes.getList.path.replace('{listId}', listId)}${suffix}`;
const listName = fc.uuid().map((uuid) => `List ${uuid}`);
const filterPath = (filterId: string) => routes.getFilter.path.replace('{filterId}', filterId);
// Saved filters' fields: a name, and a query of the filter language that parses.
const filterFields = {
  name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.!?-]{0,30}$/),
  query: fc
    .tuple(
      fc.constantFrom('today', 'overdue', 'no date', 'next 7 days', 'p1', '#work', '@inbox', 'search: milk'),
      fc.constantFrom('', ' & !p3', ' | (p1 & #home)', ' & before: dec 24'),
    )
    .map((parts) => parts.join('')),
};
const filterPatch = fc
  .record(filterFields, { requiredKeys: [] })
  .filter((patch) => Object.keys(patch).length > 0);

// `If-Match: *` (any version) or none: a condition that holds, as a well-formed request's must.
const ifMatch = fc.option(fc.constant({ 'if-match': '*' }), { nil: {} });

/** A PATCH of one of `paths` with a JSON body of `bodies`, conditional or not. */
const conditionalPatch = (paths: fc.Arbitrary<string>, bodies: fc.Arbitrary<unknown>) =>
  fc
    .tuple(paths, bodies, ifMatch)
    .map(([path, json, headers]) =>
      draft({ method: 'PATCH', path, headers: { ...JSON_HEADERS, ...headers }, body: { json } }),
    );

/** A DELETE of one of `paths`, conditional or not. */
const conditionalDelete = (paths: fc.Arbitrary<string>) =>
  fc.tuple(paths, ifMatch).map(([path, headers]) => draft({ method: 'DELETE', path, headers }));

/**
 * Requests each route answers with success, for the todos and cursors in `fixtures`: the starting
 * points that defects are applied to.
 */
export function wellFormedRequest(route: RouteName, fixtures: GatewayFixtures): fc.Arbitrary<RequestDraft> {
  return withUnreadHeaders(requestOf(route, fixtures));
}

function requestOf(route: RouteName, fixtures: GatewayFixtures): fc.Arbitrary<RequestDraft> {
  const id = fc.constantFrom(...fixtures.ids);
  const listId = fc.constantFrom(...fixtures.listIds);
  const filterId = fc.constantFrom(...fixtures.filterIds);
  switch (route) {
    case 'createTodo':
      return fc.tuple(createBody, fc.option(fc.uuid(), { nil: undefined })).map(([json, key]) =>
        draft({
          method: 'POST',
          path: routes.createTodo.path,
          headers: key ? { ...JSON_HEADERS, 'idempotency-key': key } : JSON_HEADERS,
          body: { json },
        }),
      );
    case 'listTodos':
      return fc
        .record(
          {
            limit: fc.integer({ min: 1, max: MAX_PAGE_SIZE }).map(String),
            status: fc.constant('all'),
            cursor: fc.constant(fixtures.cursor),
          },
          { requiredKeys: [] },
        )
        .map((query) => draft({ method: 'GET', path: routes.listTodos.path, query: Object.entries(query) }));
    case 'getTodo':
      return id.map((id) => draft({ method: 'GET', path: todoPath(id) }));
    case 'updateTodo':
      return conditionalPatch(id.map(todoPath), patchBody);
    case 'deleteTodo':
      return conditionalDelete(id.map(todoPath));
    case 'importTodos':
      return fc.array(importItem(id), { minLength: 1, maxLength: 5 }).map((items) =>
        draft({
          method: 'POST',
          path: routes.importTodos.path,
          headers: JSON_HEADERS,
          body: { json: { items } },
        }),
      );
    case 'quickAddTodo':
      return fc
        .tuple(quickAddText, fc.boolean(), fc.option(fc.uuid(), { nil: undefined }))
        .map(([text, dryRun, key]) =>
          draft({
            method: 'POST',
            path: routes.quickAddTodo.path,
            query: dryRun ? [['dryRun', 'true']] : [],
            headers: key ? { ...JSON_HEADERS, 'idempotency-key': key } : JSON_HEADERS,
            body: { json: { text, timeZone: 'Europe/Paris' } },
          }),
        );
    case 'listChanges':
      return fc
        .record({ limit: fc.integer({ min: 1, max: MAX_PAGE_SIZE }).map(String) }, { requiredKeys: [] })
        .map((query) =>
          draft({ method: 'GET', path: routes.listChanges.path, query: Object.entries(query) }),
        );
    case 'openapi':
      return fc.constant(draft({ method: 'GET', path: routes.openapi.path }));
    case 'health':
      return fc.constant(draft({ method: 'GET', path: routes.health.path }));
    case 'listLists':
      return fc
        .record(
          {
            limit: fc.integer({ min: 1, max: MAX_PAGE_SIZE }).map(String),
            archived: fc.constantFrom('exclude', 'include', 'only'),
          },
          { requiredKeys: [] },
        )
        .map((query) => draft({ method: 'GET', path: routes.listLists.path, query: Object.entries(query) }));
    case 'createList':
      return listName.map((name) =>
        draft({
          method: 'POST',
          path: routes.createList.path,
          headers: JSON_HEADERS,
          body: { json: { name } },
        }),
      );
    case 'getList':
      return listId.map((listId) => draft({ method: 'GET', path: listPath(listId) }));
    case 'updateList':
      return fc.tuple(listId, fc.boolean()).map(([listId, archived]) =>
        draft({
          method: 'PATCH',
          path: listPath(listId),
          headers: JSON_HEADERS,
          body: { json: { archived } },
        }),
      );
    case 'deleteList':
      return listId.map((listId) =>
        draft({ method: 'DELETE', path: listPath(listId), query: [['todos', 'delete']] }),
      );
    case 'listMembers':
      return listId.map((listId) => draft({ method: 'GET', path: listPath(listId, '/members') }));
    case 'addMember':
      return fc.tuple(listId, fc.uuid()).map(([listId, uuid]) =>
        draft({
          method: 'POST',
          path: listPath(listId, '/members'),
          headers: JSON_HEADERS,
          body: { json: { email: `${uuid}@example.test` } },
        }),
      );
    case 'removeMember':
      return listId.map((listId) => draft({ method: 'DELETE', path: listPath(listId, '/members/me') }));
    case 'listFilters':
      return fc.constant(draft({ method: 'GET', path: routes.listFilters.path }));
    case 'createFilter':
      return fc
        .record(filterFields)
        .map((json) =>
          draft({ method: 'POST', path: routes.createFilter.path, headers: JSON_HEADERS, body: { json } }),
        );
    case 'getFilter':
      return filterId.map((filterId) => draft({ method: 'GET', path: filterPath(filterId) }));
    case 'updateFilter':
      return conditionalPatch(filterId.map(filterPath), filterPatch);
    case 'deleteFilter':
      return conditionalDelete(filterId.map(filterPath));
  }
}
