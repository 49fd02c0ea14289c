import {
  type ErrorCode,
  MAX_BODY_BYTES,
  MAX_NOTES_LENGTH,
  MAX_SAVED_FILTER_NAME_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TITLE_LENGTH,
  type RouteDefinition,
  SavedFilterCreate,
  SavedFilterPatch,
  TodoCreate,
  TodoPatch,
} from '@todolist/sdk/contract';
import fc from 'fast-check';
import { refusedFieldValue, type TodoField } from './refused-field-values.js';
import { bodyBytes, type RequestDraft } from './request-draft.js';

/** One thing wrong with a request's body or its Content-Type. */
export type BodyDefect =
  | { kind: 'notJson'; text: string }
  | { kind: 'truncatedJson'; keep: number }
  | { kind: 'invalidUtf8'; at: number; bytes: number[] }
  | { kind: 'emptyBody' }
  | { kind: 'notAnObject'; json: unknown }
  | { kind: 'emptyObject' }
  | { kind: 'unknownField'; name: string; value: unknown }
  | { kind: 'badField'; field: TodoField; value: unknown }
  | { kind: 'badFilterField'; field: 'name' | 'query'; value: unknown }
  | { kind: 'tooLong'; field: 'title' | 'notes' | 'tag'; length: number }
  | { kind: 'controlCharacter'; field: 'title' | 'tag'; char: string }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'noContentType' }
  | { kind: 'wrongContentType'; value: string };

/** The codes a request with this defect may be refused with. */
export const BODY_DEFECT_CODES: Record<BodyDefect['kind'], ErrorCode[]> = {
  notJson: ['malformed_json'],
  truncatedJson: ['malformed_json'],
  invalidUtf8: ['malformed_json'],
  emptyBody: ['malformed_json'],
  notAnObject: ['validation_failed'],
  emptyObject: ['validation_failed'],
  unknownField: ['validation_failed'],
  badField: ['validation_failed'],
  badFilterField: ['validation_failed'],
  tooLong: ['validation_failed'],
  controlCharacter: ['validation_failed'],
  oversized: ['payload_too_large'],
  noContentType: ['unsupported_media_type'],
  wrongContentType: ['unsupported_media_type'],
};

const isJsonText = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// Byte sequences that are not UTF-8 wherever they are inserted: bytes never used (FF, FE, C0,
// F5+), a lead byte followed by ASCII, and an encoded surrogate.
const INVALID_UTF8 = [
  [0xff],
  [0xfe],
  [0xc0, 0xaf],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
];

const ACCEPTED_MEDIA_TYPES = new Set(['application/json', 'application/merge-patch+json']);
const mediaTypeOf = (value: string) => value.split(';')[0]?.trim().toLowerCase() ?? '';
const CONTROL_CHARACTERS = [...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)), '\u007f'];

const text = {
  notJson: fc
    .oneof(
      fc.constantFrom(
        '{',
        '{"title":',
        "{'title':'x'}",
        'title=x',
        '<todo/>',
        'NaN',
        '{"title":"x",}',
        '[1,]',
      ),
      fc.constantFrom('{"title":"x"}{}', '{"title":"a\nb"}', ' ', 'undefined', '{"title":"x"'),
      fc.string({ minLength: 1, maxLength: 40 }),
    )
    .filter((text) => !isJsonText(text)),
  badContentType: fc
    .oneof(
      fc.constantFrom('text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', ''),
      fc.constantFrom('multipart/form-data; boundary=x', 'application/xml', 'application/json-patch+json'),
      fc.constantFrom('application/problem+json', 'text/json', 'json', '*/*', 'application/jsonp'),
      fc.string({ maxLength: 30 }),
    )
    .filter((value) => !ACCEPTED_MEDIA_TYPES.has(mediaTypeOf(value))),
};

/** The top-level fields of the route's body schema. */
function bodyFields(route: RouteDefinition): string[] {
  const body = route.body;
  return body && 'shape' in body ? Object.keys(body.shape as object) : [];
}

const unknownField = (known: readonly string[]) =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          'id',
          'version',
          'createdAt',
          'ownerId',
          '__proto__',
          'constructor',
          'Title',
          'title ',
        ),
        fc.string({ maxLength: 12 }),
      ),
      fc.jsonValue({ maxDepth: 1 }),
    )
    .filter(([name]) => !known.includes(name))
    .map(([name, value]) => ({ kind: 'unknownField', name, value }) as const);

// The defects of a todo's own fields, for the routes whose body is a todo.
const todoFieldDefects: fc.Arbitrary<BodyDefect>[] = [
  refusedFieldValue.map((bad) => ({ kind: 'badField', ...bad }) as const),
  fc
    .oneof(
      fc
        .integer({ min: MAX_TITLE_LENGTH + 1, max: 2 * MAX_TITLE_LENGTH })
        .map((length) => ({ field: 'title', length }) as const),
      fc
        .integer({ min: MAX_NOTES_LENGTH + 1, max: 3 * MAX_NOTES_LENGTH })
        .map((length) => ({ field: 'notes', length }) as const),
      fc
        .integer({ min: MAX_TAG_LENGTH + 1, max: 4 * MAX_TAG_LENGTH })
        .map((length) => ({ field: 'tag', length }) as const),
    )
    .map((tooLong) => ({ kind: 'tooLong', ...tooLong }) as const),
  fc
    .tuple(fc.constantFrom('title', 'tag'), fc.constantFrom(...CONTROL_CHARACTERS))
    .map(([field, char]) => ({ kind: 'controlCharacter', field, char }) as const),
];

// A saved filter's fields as the API refuses them: a query that does not parse (or is not one
// line, or no string), a name blank, too long, on two lines, or no string.
const filterFieldDefect: fc.Arbitrary<BodyDefect> = fc.oneof(
  fc
    .constantFrom<unknown>(
      '',
      'today &',
      '(p1',
      'p1)',
      'p4',
      '#',
      '@',
      'next 0 days',
      'before: someday',
      'p1\n| p2',
      42,
      null,
      ['p1'],
    )
    .map((value) => ({ kind: 'badFilterField', field: 'query', value }) as const),
  fc
    .constantFrom<unknown>(
      '',
      '   ',
      'x'.repeat(MAX_SAVED_FILTER_NAME_LENGTH + 1),
      'Work\ttoday',
      'a\u001bb',
      7,
      null,
    )
    .map((value) => ({ kind: 'badFilterField', field: 'name', value }) as const),
);

/**
 * Defects of the route's JSON body and its Content-Type: those of any body (syntax, shape, an
 * unknown field, a size over the route's limit, the media type), and a todo's or a saved
 * filter's field defects when the body is one (create or patch).
 */
export function bodyDefect(route: RouteDefinition): fc.Arbitrary<BodyDefect> {
  const limit = route.maxBodyBytes ?? MAX_BODY_BYTES;
  const isTodo = route.body === TodoCreate || route.body === TodoPatch;
  const isSavedFilter = route.body === SavedFilterCreate || route.body === SavedFilterPatch;
  return fc.oneof(
    text.notJson.map((text) => ({ kind: 'notJson', text }) as const),
    fc.nat().map((keep) => ({ kind: 'truncatedJson', keep }) as const),
    fc
      .tuple(fc.nat(), fc.constantFrom(...INVALID_UTF8))
      .map(([at, bytes]) => ({ kind: 'invalidUtf8', at, bytes }) as const),
    fc.constant({ kind: 'emptyBody' } as const),
    fc
      .constantFrom<unknown>([], [{ title: 'x' }], 0, 42, -1.5, null, true, 'title', '')
      .map((json) => ({ kind: 'notAnObject', json }) as const),
    fc.constant({ kind: 'emptyObject' } as const),
    unknownField(bodyFields(route)),
    ...(isTodo ? todoFieldDefects : []),
    ...(isSavedFilter ? [filterFieldDefect] : []),
    fc.integer({ min: limit + 1, max: 2 * limit }).map((bytes) => ({ kind: 'oversized', bytes }) as const),
    fc.constant({ kind: 'noContentType' } as const),
    text.badContentType.map((value) => ({ kind: 'wrongContentType', value }) as const),
  );
}

/** The body's JSON object, or undefined when the body is no longer one (a field defect then changes nothing). */
export function jsonObject(draft: RequestDraft): Record<string, unknown> | undefined {
  const body = draft.body;
  if (!body || !('json' in body)) return undefined;
  const { json } = body;
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : undefined;
}

export function withField(draft: RequestDraft, name: string, value: unknown): RequestDraft {
  const object = jsonObject(draft);
  if (!object) return draft;
  // fromEntries defines own properties, so a field named "__proto__" is sent as one.
  return { ...draft, body: { json: Object.fromEntries([...Object.entries(object), [name, value]]) } };
}

function tooLong(draft: RequestDraft, field: 'title' | 'notes' | 'tag', length: number): RequestDraft {
  if (field !== 'tag') return withField(draft, field, 'x'.repeat(length));
  const tags = jsonObject(draft)?.tags;
  return withField(draft, 'tags', [...(Array.isArray(tags) ? tags : []), 't'.repeat(length)]);
}

function withBytes(draft: RequestDraft, bytes: Uint8Array): RequestDraft {
  return { ...draft, body: { bytes } };
}

/**
 * The draft with the defect applied. Every defect either leaves the request refused for its own
 * reason or changes nothing (a field defect on a body that is no longer an object), and never
 * repairs an earlier one, so a request with several defects is refused for one of them.
 */
export function applyBodyDefect(draft: RequestDraft, defect: BodyDefect): RequestDraft {
  switch (defect.kind) {
    case 'notJson':
      return withBytes(draft, Buffer.from(defect.text, 'utf8'));
    case 'truncatedJson': {
      // Any proper prefix of a serialised object or array is unfinished, so not JSON.
      const body = draft.body;
      if (!body || !('json' in body) || typeof body.json !== 'object' || body.json === null) return draft;
      const bytes = bodyBytes(body);
      return withBytes(draft, bytes.subarray(0, 1 + (defect.keep % (bytes.length - 1))));
    }
    case 'invalidUtf8': {
      const bytes = bodyBytes(draft.body);
      const at = defect.at % (bytes.length + 1);
      return withBytes(
        draft,
        Buffer.concat([bytes.subarray(0, at), Buffer.from(defect.bytes), bytes.subarray(at)]),
      );
    }
    case 'emptyBody':
      return { ...draft, body: null };
    case 'notAnObject':
      return { ...draft, body: { json: defect.json } };
    case 'emptyObject':
      return { ...draft, body: { json: {} } };
    case 'unknownField':
      return withField(draft, defect.name, defect.value);
    case 'badField':
    case 'badFilterField':
      return withField(draft, defect.field, defect.value);
    case 'tooLong':
      return tooLong(draft, defect.field, defect.length);
    case 'controlCharacter':
      return defect.field === 'title'
        ? withField(draft, 'title', `before${defect.char}after`)
        : withField(draft, 'tags', [`a${defect.char}b`]);
    case 'oversized':
      return { ...draft, padTo: Math.max(draft.padTo ?? 0, defect.bytes) };
    case 'noContentType': {
      const { 'content-type': _removed, ...headers } = draft.headers;
      return { ...draft, headers };
    }
    case 'wrongContentType':
      return { ...draft, headers: { ...draft.headers, 'content-type': defect.value } };
  }
}
