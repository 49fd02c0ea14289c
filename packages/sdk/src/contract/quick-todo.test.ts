import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { parseQuickAdd } from '../quick-add/index.js';
import type { QuickAddParse } from '../quick-add/types.js';
import { toFieldErrors } from './field-errors.js';
import { MAX_QUICK_ADD_TEXT_LENGTH } from './limits.js';
import { QuickAddParsed, QuickAddQuery, QuickAddRequest } from './quick-todo.js';

const table = JSON.parse(readFileSync(new URL('../quick-add/phrases.json', import.meta.url), 'utf8')) as {
  now: string;
  timeZone: string;
  phrases: { text: string }[];
};

const refused = (body: unknown) => {
  const result = QuickAddRequest.safeParse(body);
  return result.success ? [] : toFieldErrors(result.error);
};

describe('the quick-add request', () => {
  it('takes a text and a time zone, trimming the text', () => {
    expect(QuickAddRequest.parse({ text: '  Milk tomorrow ', timeZone: 'Europe/Paris' })).toEqual({
      text: 'Milk tomorrow',
      timeZone: 'Europe/Paris',
    });
  });

  it.each(['UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'America/Port-au-Prince', 'Asia/Kolkata'])(
    'takes the time zone %s',
    (timeZone) => {
      expect(refused({ text: 'a', timeZone })).toEqual([]);
    },
  );

  it.each(['Mars/Olympus_Mons', '+01:00', 'Europe/', '', 'Europe/Paris ', 'x'.repeat(65)])(
    'refuses the time zone %j, naming the field',
    (timeZone) => {
      expect(refused({ text: 'a', timeZone })).toContainEqual({
        path: 'timeZone',
        message: 'timeZone must be an IANA time zone such as Europe/Paris',
      });
    },
  );

  it('refuses a blank text, one too long, one over lines, and a body without a time zone', () => {
    expect(refused({ text: '   ', timeZone: 'UTC' }).map((e) => e.path)).toEqual(['text']);
    const long = 'x'.repeat(MAX_QUICK_ADD_TEXT_LENGTH + 1);
    expect(refused({ text: long, timeZone: 'UTC' })).toEqual([
      { path: 'text', message: `text must be 1–${MAX_QUICK_ADD_TEXT_LENGTH} characters` },
    ]);
    expect(refused({ text: 'a\nb', timeZone: 'UTC' }).map((e) => e.path)).toEqual(['text']);
    expect(refused({ text: 'a' }).map((e) => e.path)).toEqual(['timeZone']);
  });

  it('reads dryRun as true or false only, false when absent', () => {
    expect(QuickAddQuery.parse({})).toEqual({ dryRun: 'false' });
    expect(QuickAddQuery.parse({ dryRun: 'true' })).toEqual({ dryRun: 'true' });
    expect(QuickAddQuery.safeParse({ dryRun: 'yes' }).success).toBe(false);
  });
});

describe('the parse as the API answers it', () => {
  it("is the quick-add module's parse, field for field", () => {
    expectTypeOf<QuickAddParse>().toEqualTypeOf<z.output<typeof QuickAddParsed>>();
  });

  it('holds every parse of the phrase table', () => {
    const options = { now: new Date(table.now), timeZone: table.timeZone };
    for (const { text } of table.phrases) {
      const parse = parseQuickAdd(text, options);
      expect(QuickAddParsed.parse(parse)).toEqual(parse);
    }
  });
});
