// The marks that make a word a field, in one place so the README, the page's hints and the
// parser say the same thing.
//
// The list sigil is `@`: `#` is already our tag, as in Todoist and most apps; `+` already means
// "from now" in `+2w` and `+3d`, so a `+list` would give one mark two meanings (todo.txt uses
// `+project` but has no relative dates). `@` reads "at": `milk @groceries`. Todoist and todo.txt
// use `@` for labels and contexts, the nearest things to a list a person files a todo in. An
// e-mail address never becomes a list, as the sigil must start a word.

/** Starts a tag: `#home`. */
export const TAG_SIGIL = '#';
/** Starts a list: `@groceries`, or `@"Big shop"` for a name with spaces. */
export const LIST_SIGIL = '@';
/** Starts the notes: everything after ` // `. */
export const NOTES_SEPARATOR = ' // ';

/** A sigil word starts the text or follows white space (so `a#b` and `me@example.com` are not one). */
export const WORD_START = '(?<=^|\\s)';
/** …and ends the text, or is followed by white space or punctuation that ends a phrase. */
export const WORD_END = '(?=$|\\s|[,;:.!?)])';

/** A pattern for one sigil word: the global regular expression `WORD_START body WORD_END`. */
export function sigilWord(body: string, flags = ''): RegExp {
  return new RegExp(`${WORD_START}${body}${WORD_END}`, `g${flags}`);
}
