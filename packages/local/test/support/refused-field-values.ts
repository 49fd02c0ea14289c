import { DueDate, MAX_TAGS, Notes, Priority, Tags, Title } from '@todolist/sdk/contract';
import fc from 'fast-check';

/** The fields of a todo body, create or patch. */
export const TODO_FIELDS = ['title', 'notes', 'dueDate', 'priority', 'tags', 'completed'] as const;
export type TodoField = (typeof TODO_FIELDS)[number];

/** True when the contract accepts `value` for `field` in a create or a patch. */
function acceptsField(field: TodoField, value: unknown): boolean {
  switch (field) {
    case 'title':
      return Title.safeParse(value).success;
    case 'notes':
      return value === null || Notes.safeParse(value).success;
    case 'dueDate':
      return value === null || DueDate.safeParse(value).success;
    case 'priority':
      return Priority.safeParse(value).success;
    case 'tags':
      return Tags.safeParse(value).success;
    case 'completed':
      return typeof value === 'boolean';
  }
}

const anyRefusedValue = fc
  .tuple(fc.constantFrom(...TODO_FIELDS), fc.jsonValue({ maxDepth: 2 }))
  .filter(([field, value]) => !acceptsField(field, value))
  .map(([field, value]) => ({ field, value }));

const badTags = fc
  .oneof(
    fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), {
      minLength: MAX_TAGS + 1,
      maxLength: MAX_TAGS + 10,
    }),
    fc
      .tuple(fc.array(fc.constant('ok'), { maxLength: 3 }), fc.string({ maxLength: 40 }))
      .map(([ok, tag]) => [...ok, tag]),
  )
  .filter((tags) => !Tags.safeParse(tags).success);

const badDate = fc
  .oneof(
    fc.constantFrom(
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-5',
      '20260105',
    ),
    fc.constantFrom('2026-01-05T00:00:00Z', '2026/01/05', 'tomorrow', ''),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  )
  .filter((value) => !DueDate.safeParse(value).success);

const badPriority = fc
  .oneof(fc.constantFrom('urgent', 'HIGH', 'Low', '', ' low', 'medium', '1'), fc.string({ maxLength: 10 }))
  .filter((value) => !Priority.safeParse(value).success);

/** A todo field and a value the contract refuses for it: any JSON value, and the near misses of each field. */
export const refusedFieldValue: fc.Arbitrary<{ field: TodoField; value: unknown }> = fc.oneof(
  anyRefusedValue,
  badDate.map((value) => ({ field: 'dueDate', value }) as const),
  badPriority.map((value) => ({ field: 'priority', value }) as const),
  badTags.map((value) => ({ field: 'tags', value }) as const),
);
