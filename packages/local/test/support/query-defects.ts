import { type ErrorCode, MAX_CURSOR_LENGTH, TodoListQuery } from '@todolist/sdk/contract';
import fc from 'fast-check';
import type { RequestDraft } from './request-draft.js';
import type { GatewayFixtures } from './well-formed-requests.js';

/** A change to a real cursor: an edit at a position (taken modulo its length) or a splice of two cursors. */
export type CursorEdit =
  | { op: 'xor'; at: number; mask: number }
  | { op: 'delete'; at: number }
  | { op: 'insert'; at: number; char: string }
  | { op: 'truncate'; keep: number }
  | { op: 'append'; text: string }
  | { op: 'spliceSignature' };

/** One thing wrong with the query string of `GET /v1/todos`. */
export type QueryDefect =
  | { kind: 'unknownParam'; name: string; value: string }
  | { kind: 'repeatedParam'; name: string; values: [string, string] }
  | { kind: 'badParam'; name: 'limit' | 'status' | 'tag' | 'dueBefore' | 'dueAfter'; value: string }
  | { kind: 'garbageCursor'; value: string }
  | { kind: 'tamperedCursor'; edit: CursorEdit }
  | { kind: 'cursorOfOtherListing' };

/** The codes a request with this defect may be refused with. */
export const QUERY_DEFECT_CODES: Record<QueryDefect['kind'], ErrorCode[]> = {
  unknownParam: ['invalid_query'],
  repeatedParam: ['invalid_query'],
  badParam: ['invalid_query'],
  garbageCursor: ['invalid_query', 'invalid_cursor'],
  tamperedCursor: ['invalid_query', 'invalid_cursor'],
  cursorOfOtherListing: ['invalid_cursor'],
};

/** Names that plain objects inherit: a parameter or header so named must be data, not a prototype lookup. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const QUERY_NAMES = ['status', 'tag', 'dueBefore', 'dueAfter', 'limit', 'cursor'];
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A query value the contract refuses for `name`. */
const refused = (name: string, candidates: fc.Arbitrary<string>) =>
  candidates.filter((value) => !TodoListQuery.safeParse({ [name]: value }).success);

const badParam = fc.oneof(
  refused(
    'limit',
    fc.oneof(
      fc.constantFrom('0', '101', '-1', '1.5', 'abc', '', 'Infinity', 'NaN', '-0', '1e3', '10abc', '1_0'),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.double().map(String),
      fc.string({ maxLength: 6 }),
    ),
  ).map((value) => ({ name: 'limit', value }) as const),
  refused(
    'status',
    fc.oneof(fc.constantFrom('done', 'OPEN', 'All', '', 'completed ', 'true'), fc.string({ maxLength: 10 })),
  ).map((value) => ({ name: 'status', value }) as const),
  refused('tag', fc.oneof(fc.constantFrom('-x', '', 'a b', 'tag!', 't'.repeat(33)), fc.string())).map(
    (value) => ({ name: 'tag', value }) as const,
  ),
  fc
    .tuple(
      fc.constantFrom('dueBefore', 'dueAfter'),
      fc.oneof(
        fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-5', 'today', ''),
        fc.string({ maxLength: 12 }),
      ),
    )
    .filter(([name, value]) => !TodoListQuery.safeParse({ [name]: value }).success)
    .map(([name, value]) => ({ name, value })),
);

const cursorEdit: fc.Arbitrary<CursorEdit> = fc.oneof(
  fc.record({ op: fc.constant('xor'), at: fc.nat(), mask: fc.integer({ min: 1, max: 63 }) }),
  fc.record({ op: fc.constant('delete'), at: fc.nat() }),
  fc.record({ op: fc.constant('insert'), at: fc.nat(), char: fc.constantFrom(...`${BASE64URL}.`) }),
  fc.record({ op: fc.constant('truncate'), keep: fc.nat() }),
  fc.record({ op: fc.constant('append'), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.constant({ op: 'spliceSignature' } as const),
);

const garbageCursor = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,60}\.[A-Za-z0-9_-]{22}$/),
  fc.constantFrom('', 'null', 'a.b', 'a.b.c', '.', '..', 'x'.repeat(MAX_CURSOR_LENGTH + 1)),
);

/** Defects of the list query: unknown, repeated or refused parameters, and bad cursors. */
export const queryDefect: fc.Arbitrary<QueryDefect> = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 12 })),
      fc.string({ maxLength: 10 }),
    )
    .filter(([name]) => !QUERY_NAMES.includes(name))
    .map(([name, value]) => ({ kind: 'unknownParam', name, value }) as const),
  fc
    .constantFrom<[string, [string, string]]>(
      ['status', ['open', 'open']],
      ['limit', ['5', '10']],
      ['tag', ['a', 'b']],
    )
    .map(([name, values]) => ({ kind: 'repeatedParam', name, values }) as const),
  badParam.map((param) => ({ kind: 'badParam', ...param }) as const),
  garbageCursor.map((value) => ({ kind: 'garbageCursor', value }) as const),
  cursorEdit.map((edit) => ({ kind: 'tamperedCursor', edit }) as const),
  fc.constant({ kind: 'cursorOfOtherListing' } as const),
);

function editCursor(fixtures: GatewayFixtures, edit: CursorEdit): string {
  const cursor = fixtures.cursor;
  const at = 'at' in edit ? edit.at % cursor.length : 0;
  switch (edit.op) {
    case 'xor': {
      // A different base64url character, or one in place of the "." between payload and signature.
      const index = BASE64URL.indexOf(cursor.charAt(at));
      const char = index < 0 ? BASE64URL.charAt(edit.mask) : BASE64URL.charAt(index ^ edit.mask);
      return `${cursor.slice(0, at)}${char}${cursor.slice(at + 1)}`;
    }
    case 'delete':
      return `${cursor.slice(0, at)}${cursor.slice(at + 1)}`;
    case 'insert':
      return `${cursor.slice(0, at)}${edit.char}${cursor.slice(at)}`;
    case 'truncate':
      return cursor.slice(0, edit.keep % cursor.length);
    case 'append':
      return `${cursor}${edit.text}`;
    case 'spliceSignature':
      return `${cursor.split('.')[0]}.${fixtures.nextCursor.split('.')[1]}`;
  }
}

/** The draft with the parameter's first occurrence set to `value`; later repeats stay repeated. */
function setParam(draft: RequestDraft, name: string, value: string): RequestDraft {
  const index = draft.query.findIndex(([existing]) => existing === name);
  const query = [...draft.query];
  if (index < 0) query.push([name, value]);
  else query[index] = [name, value];
  return { ...draft, query };
}

/** The draft with the defect applied (see `applyBodyDefect` for why defects never cancel out). */
export function applyQueryDefect(
  draft: RequestDraft,
  defect: QueryDefect,
  fixtures: GatewayFixtures,
): RequestDraft {
  switch (defect.kind) {
    case 'unknownParam':
      return { ...draft, query: [...draft.query, [defect.name, defect.value]] };
    case 'repeatedParam':
      return {
        ...draft,
        query: [...draft.query, ...defect.values.map((value) => [defect.name, value] as [string, string])],
      };
    case 'badParam':
      return setParam(draft, defect.name, defect.value);
    case 'garbageCursor':
      return setParam(draft, 'cursor', defect.value);
    case 'tamperedCursor':
      return setParam(draft, 'cursor', editCursor(fixtures, defect.edit));
    case 'cursorOfOtherListing':
      return setParam(draft, 'cursor', fixtures.otherListingCursor);
  }
}
