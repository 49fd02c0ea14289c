import type { ChalkInstance } from 'chalk';
import { safeText } from './safe-text.js';

/** A todo's tags as people read them: `#home #errands`, escaped, in the tag colour. */
export function tagLabels(tags: readonly string[], color: ChalkInstance): string {
  return tags.map((tag) => color.cyan(`#${safeText(tag)}`)).join(' ');
}
