import * as z from 'zod/mini';
import { Tag } from '../todo.js';
import { readDay } from './days.js';
import { FilterSyntaxError } from './FilterSyntaxError.js';
import { tokenize } from './tokenize.js';

// The filter language, one grammar for the API (`filter=`), the SDK, the CLI and the page:
//
//   filter  := either ('|' either)*          lowest: a | b & c is a | (b & c)
//   either  := term ('&' term)*
//   term    := '!' term | '(' filter ')' | word
//   word    := today | overdue | no date | next N days | before: DAY | p1 | p2 | p3
//            | #tag | @list | @"list" | recurring | shared | search: WORDS
//
// A word runs up to the next `&`, `|`, `(` or `)`, so `search:` and `@` take several words; a
// list name in double quotes runs to its closing quote, `""` a quote in it (./tokenize.ts).
// Hand-written rather than a parser generator: the grammar is ten lines, and the page's first
// load carries it.

/** A parsed filter: what {@link filterMatches} evaluates. */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'today' | 'overdue' | 'noDate' | 'recurring' | 'shared' }
  | { kind: 'nextDays'; days: number }
  | { kind: 'before'; day: DayWord }
  | { kind: 'priority'; priority: 'high' | 'normal' | 'low' }
  | { kind: 'tag'; tag: string }
  | { kind: 'list'; name: string }
  | { kind: 'search'; words: string };

/** A day named in a filter: a fixed date, or one read against the reader's today. */
export type DayWord = { date: string } | { fromToday: number } | { month: number; day: number };

/** Longest filter accepted, in characters. */
export const MAX_FILTER_LENGTH = 500;

/** The longest "next N days". */
const MAX_NEXT_DAYS = 366;

const KNOWN =
  'today, overdue, no date, next 7 days, before: dec 24, p1, p2, p3, #tag, @list, recurring, shared, search: words';

/** What one word of the language means, or a syntax error at `at`. */
function readWord(text: string, at: number): FilterNode {
  const word = text.toLowerCase().replace(/\s+/g, ' ');
  switch (word) {
    case 'today':
    case 'overdue':
    case 'recurring':
    case 'shared':
      return { kind: word };
    case 'no date':
      return { kind: 'noDate' };
    case 'p1':
      return { kind: 'priority', priority: 'high' };
    case 'p2':
      return { kind: 'priority', priority: 'normal' };
    case 'p3':
      return { kind: 'priority', priority: 'low' };
  }
  const next = /^next (\d{1,3}) days?$/.exec(word);
  if (next) {
    const days = Number(next[1]);
    if (days < 1 || days > MAX_NEXT_DAYS)
      throw new FilterSyntaxError(`next N days takes 1 to ${MAX_NEXT_DAYS} days`, at);
    return { kind: 'nextDays', days };
  }
  const labelled = /^(before|search):\s*(.*)$/.exec(word);
  if (labelled) {
    const [, label, rest = ''] = labelled;
    const valueAt = at + text.length - text.replace(/^[^:]*:\s*/, '').length;
    if (!rest)
      throw new FilterSyntaxError(
        `${label}: needs ${label === 'before' ? 'a day' : 'words'} after it`,
        valueAt,
      );
    if (label === 'search') return { kind: 'search', words: text.slice(valueAt - at) };
    const day = readDay(rest);
    if (!day)
      throw new FilterSyntaxError(
        `"${rest}" is not a day: try 2026-12-24, dec 24, 24 dec, today or tomorrow`,
        valueAt,
      );
    return { kind: 'before', day };
  }
  if (word.startsWith('#')) {
    const tag = Tag.safeParse(word.slice(1));
    if (!tag.success)
      throw new FilterSyntaxError(`"${text}" is not a tag: ${tag.error.issues[0]?.message}`, at);
    return { kind: 'tag', tag: tag.data };
  }
  if (word.startsWith('@')) return listNamed(text.slice(1).trim(), at);
  throw new FilterSyntaxError(`unknown filter "${text}": use ${KNOWN}`, at);
}

/** `@name`, the `@` at `at`. */
function listNamed(name: string, at: number): FilterNode {
  if (!name) throw new FilterSyntaxError('@ needs a list name after it', at + 1);
  return { kind: 'list', name };
}

/**
 * Parses a filter, or throws {@link FilterSyntaxError} with where it went wrong.
 *
 * @example
 * ```ts
 * parseFilter('(today | overdue) & #work & !p3');
 * parseFilter('today &'); // FilterSyntaxError: a filter word, "!" or "(" expected after "&" (at character 8)
 * ```
 */
export function parseFilter(text: string): FilterNode {
  if (text.length > MAX_FILTER_LENGTH)
    throw new FilterSyntaxError(`a filter is at most ${MAX_FILTER_LENGTH} characters`, MAX_FILTER_LENGTH);
  const tokens = tokenize(text);
  let next = 0;
  const peek = () => tokens[next];
  const endAt = text.trimEnd().length;

  function expectTerm(after: string | undefined): FilterNode {
    const token = peek();
    if (!token || token.kind === '&' || token.kind === '|' || token.kind === ')') {
      const where = after ? ` after "${after}"` : '';
      throw new FilterSyntaxError(`a filter word, "!" or "(" expected${where}`, token?.at ?? endAt);
    }
    next++;
    if (token.kind === '!') return { kind: 'not', operand: expectTerm('!') };
    if (token.kind === '(') {
      const inner = expectFilter('(');
      const close = peek();
      if (close?.kind !== ')')
        throw new FilterSyntaxError('")" expected to close the "("', close?.at ?? endAt);
      next++;
      return inner;
    }
    if (token.kind === 'quotedList') return listNamed(token.name, token.at);
    return readWord(token.text, token.at);
  }

  function expectEither(after: string | undefined): FilterNode {
    let node = expectTerm(after);
    while (peek()?.kind === '&') {
      next++;
      node = { kind: 'and', left: node, right: expectTerm('&') };
    }
    return node;
  }

  function expectFilter(after: string | undefined): FilterNode {
    let node = expectEither(after);
    while (peek()?.kind === '|') {
      next++;
      node = { kind: 'or', left: node, right: expectEither('|') };
    }
    return node;
  }

  const node = expectFilter(undefined);
  const extra = peek();
  if (extra) {
    const reason =
      extra.kind === ')' ? 'a ")" with no "(" before it' : `"&" or "|" expected between two filters`;
    throw new FilterSyntaxError(reason, extra.at);
  }
  return node;
}

/**
 * A field holding a filter: one that parses, else its error with where it is, the message
 * led by the field's name (`query: ")" expected to close the "(" (at character 12)`).
 */
// @__NO_SIDE_EFFECTS__
export function filterText(field: string) {
  return z.string().check(
    z.superRefine((text, context) => {
      try {
        parseFilter(text);
      } catch (error) {
        if (!(error instanceof FilterSyntaxError)) throw error;
        context.addIssue({ code: 'custom', message: `${field}: ${error.message}`, input: text });
      }
    }),
  );
}

/** A filter as `listTodos` takes it (`filter=`): one that parses, else its error with where it is. */
export const FilterQuery = filterText('filter');
