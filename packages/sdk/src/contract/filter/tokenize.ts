import { FilterSyntaxError } from './FilterSyntaxError.js';

// The filter language's tokens: the five operators, and the words between them. A word runs up
// to the next `&`, `|`, `(` or `)`, so `search:` and `@` take several words; a list name in
// double quotes (`@"R&D"`) runs to its closing quote instead, those four in it, and a `"` in it
// is written twice (`@"say ""hi"""` is the list `say "hi"`).

type Operator = '&' | '|' | '!' | '(' | ')';

/** One token and where it starts; a quoted list name arrives read, its quotes off. */
export type Token = ({ [Kind in Operator]: { kind: Kind } }[Operator] | Word | QuotedList) & {
  at: number;
};
type Word = { kind: 'word'; text: string };
type QuotedList = { kind: 'quotedList'; name: string };

const OPERATORS = new Set(['&', '|', '!', '(', ')']);
const WORD_ENDS = /[&|()]/;
/** `@` and the quote that opens its name, spaces between allowed (`@ "R&D"`). */
const QUOTED_LIST_START = /^@\s*"/;

/** The filter's tokens, or a {@link FilterSyntaxError} for a quote that is not closed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) {
      at++;
    } else if (OPERATORS.has(char)) {
      tokens.push({ kind: char as Operator, at });
      at++;
    } else {
      const opening = QUOTED_LIST_START.exec(text.slice(at));
      at = opening
        ? pushQuotedList(text, at, at + opening[0].length - 1, tokens)
        : pushWord(text, at, tokens);
    }
  }
  return tokens;
}

/** Pushes the plain word at `at` (its spaces at the end off); answers where it ends. */
function pushWord(text: string, at: number, tokens: Token[]): number {
  let end = at;
  while (end < text.length && !WORD_ENDS.test(text[end] as string)) end++;
  tokens.push({ kind: 'word', text: text.slice(at, end).trimEnd(), at });
  return end;
}

/** Pushes the list `@` at `at` names, its name in the quotes opened at `quoteAt`; answers where it ends. */
function pushQuotedList(text: string, at: number, quoteAt: number, tokens: Token[]): number {
  let name = '';
  let end = quoteAt + 1;
  for (;;) {
    const close = text.indexOf('"', end);
    if (close < 0)
      throw new FilterSyntaxError(
        `the list name's opening quote is not closed: end it with " (a quote in it is written "")`,
        quoteAt,
      );
    name += text.slice(end, close);
    if (text[close + 1] !== '"') {
      tokens.push({ kind: 'quotedList', name: name.trim(), at });
      return close + 1;
    }
    name += '"';
    end = close + 2;
  }
}
