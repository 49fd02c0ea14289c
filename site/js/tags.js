// @ts-check
// Tags as a person types them ("home, #errands Work") and as the API keeps them (lowercase,
// no duplicates). The rules are the contract's (MAX_TAGS, MAX_TAG_LENGTH), checked here so a
// mistake is shown beside the field instead of after a round trip.

export const MAX_TAGS = 10;
const TAG = /^[a-z0-9][a-z0-9_.-]{0,31}$/;

/**
 * The tags in `text`, or why they cannot be saved.
 * @param {string} text
 * @returns {{ tags: string[], problem: string | null }}
 */
export function parseTags(text) {
  const tags = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((tag) => tag.replace(/^#/, '').toLowerCase())
        .filter(Boolean),
    ),
  ];
  const bad = tags.find((tag) => !TAG.test(tag));
  if (bad) {
    return {
      tags,
      problem: `"${bad}" is not a tag: use 1–32 letters, digits, "_", "." or "-", starting with a letter or digit`,
    };
  }
  if (tags.length > MAX_TAGS)
    return { tags, problem: `a todo has at most ${MAX_TAGS} tags (got ${tags.length})` };
  return { tags, problem: null };
}

/** @param {readonly string[]} tags */
export const formatTags = (tags) => tags.join(', ');
