// Tags as people type them. The web page takes `#garden` for the tag `garden`, and `todo list`
// prints tags with a `#`, so the CLI takes a leading `#` too: copied back from a list, it works.
// Case is folded here as the API folds it, so that comparing tags (`edit` with nothing to change)
// sees `Home` and `home` as one.

/** One tag as typed: `#Home` is the tag `home`. */
export function cleanTag(word: string): string {
  return word.trim().replace(/^#/, '').toLowerCase();
}

/** The tags in one piece of text, split at `separator` (commas); blanks dropped. */
export function splitTags(text: string, separator: RegExp = /,/): string[] {
  return text.split(separator).map(cleanTag).filter(Boolean);
}
