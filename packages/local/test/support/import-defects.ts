import { type ErrorCode, MAX_IMPORT_ITEMS } from '@todolist/sdk/contract';
import fc from 'fast-check';
import { jsonObject, withField } from './body-defects.js';
import type { RequestDraft } from './request-draft.js';

/**
 * One thing wrong with the `items` of an import's body. A bad item is no defect: it is answered
 * "rejected" in a 200, so only the list itself is spoiled here.
 */
export type ImportDefect =
  | { kind: 'itemsNotArray'; value: unknown }
  | { kind: 'noItems' }
  | { kind: 'tooManyItems'; count: number };

/** The codes an import with this defect may be refused with. */
export const IMPORT_DEFECT_CODES: Record<ImportDefect['kind'], ErrorCode[]> = {
  itemsNotArray: ['validation_failed'],
  noItems: ['validation_failed'],
  tooManyItems: ['validation_failed'],
};

/** Defects of an import's `items`. */
export const importDefect: fc.Arbitrary<ImportDefect> = fc.oneof(
  fc
    .constantFrom<unknown>({}, { title: 'x' }, 'items', '', 0, 7, null, true)
    .map((value) => ({ kind: 'itemsNotArray', value }) as const),
  fc.constant({ kind: 'noItems' } as const),
  fc
    .integer({ min: MAX_IMPORT_ITEMS + 1, max: 2 * MAX_IMPORT_ITEMS })
    .map((count) => ({ kind: 'tooManyItems', count }) as const),
);

/** `count` items: the draft's own, repeated, or a plain todo when it has none. */
function itemsUpTo(draft: RequestDraft, count: number): unknown[] {
  const items = jsonObject(draft)?.items;
  const own = Array.isArray(items) && items.length > 0 ? items : [{ title: 'Filler' }];
  return Array.from({ length: count }, (_, index) => own[index % own.length]);
}

/** The draft with the defect applied; like the other defects, it never repairs an earlier one. */
export function applyImportDefect(draft: RequestDraft, defect: ImportDefect): RequestDraft {
  switch (defect.kind) {
    case 'itemsNotArray':
      return withField(draft, 'items', defect.value);
    case 'noItems':
      return withField(draft, 'items', []);
    case 'tooManyItems':
      return withField(draft, 'items', itemsUpTo(draft, defect.count));
  }
}
