import { TodoCliError, UsageError } from './errors.js';
import { EXIT_CODES } from './exit-codes.js';
import { safeText } from './output/safe-text.js';

/** Something a person names on the command line: a list, a saved filter. */
export interface Named {
  id: string;
  name: string;
}

/** How the things looked up are spoken of in an error. */
export interface NamedWords {
  /** One of them: `list`, `saved filter`. */
  one: string;
  /** Many: `lists`, `saved filters`. */
  many: string;
  /** What to do when nothing fits: `"todo lists" shows them`. */
  hint: string;
}

/** A name for a line of text: quoted, its control characters escaped. */
export const quotedName = (named: Pick<Named, 'name'>) => `"${safeText(named.name)}"`;

/**
 * The one of `items` that `ref` names: its id (any case), else its name (any case), else the
 * one name it is an unambiguous prefix of. Ambiguous is exit 2 naming the candidates; unknown
 * is exit 3.
 */
export function findNamed<T extends Named>(items: readonly T[], ref: string, words: NamedWords): T {
  const typed = ref.trim();
  const folded = typed.toLowerCase();
  const byId = items.find((item) => item.id.toLowerCase() === folded);
  if (byId) return byId;
  const exact = items.filter((item) => item.name.toLowerCase() === folded);
  const candidates =
    exact.length > 0 || folded === ''
      ? exact
      : items.filter((item) => item.name.toLowerCase().startsWith(folded));
  if (candidates.length === 1) return candidates[0] as T;
  if (candidates.length > 1) {
    const names = candidates.map((item) =>
      exact.length > 1 ? `${quotedName(item)} (${item.id})` : quotedName(item),
    );
    throw new UsageError(
      `"${safeText(typed)}" fits ${candidates.length} ${words.many}: ${names.join(', ')}; type more of the name, or the id`,
    );
  }
  throw new TodoCliError(`no ${words.one} named "${safeText(typed)}": ${words.hint}`, EXIT_CODES.notFound);
}
