import type { Priority } from '../contract/index.js';
import { sigilWord } from './sigils.js';
import { freeMatches, type Span } from './spans.js';
import type { Taken } from './types.js';

// Todoist's words: p1 is the most urgent. The contract has three levels, so `p4` means nothing
// and stays in the title. `!!` is the shorthand for "urgent".
const LEVELS: Record<string, Priority> = { p1: 'high', p2: 'normal', p3: 'low', '!!': 'high' };
const PRIORITY_WORD = sigilWord('(p[1-3]|!!)', 'i');

/** The priority: the last one written wins; every one is taken, so none is left in the title. */
export function takePriority(
  text: string,
  claimed: readonly Span[],
): { priority?: Priority; taken: Taken[] } {
  const taken: Taken[] = [];
  let priority: Priority | undefined;
  for (const match of freeMatches(PRIORITY_WORD, text, claimed)) {
    priority = LEVELS[match[0].toLowerCase()];
    taken.push({ kind: 'priority', text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return priority ? { priority, taken } : { taken };
}
