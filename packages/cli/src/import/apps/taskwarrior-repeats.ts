// A repeating Taskwarrior task is a template (`status: "recurring"`, skipped) and copies of it
// made one per due day, each with `parent` (the template's uuid), `imask` (its place in the
// series), `recur` and its own `due`. Taskwarrior makes a pending copy for every day missed and
// one ahead, so a daily task left for four days has five: only one of them may repeat here, or
// each would go on repeating as a todo of its own.

/** A task of the export, with the line its object starts on. */
export interface LinedTask {
  task: Record<string, unknown>;
  line: number;
}

/** A copy as the import reads it: `repeats` when it is the one that carries the repeat. */
export interface HeldCopy extends LinedTask {
  repeats: boolean;
}

const OPEN = new Set(['pending', 'waiting']);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The template a task is a copy of (its `parent`, lowercased), for a copy the import reads (not deleted). */
function templateOf(task: Record<string, unknown>): string | undefined {
  const status = text(task.status) || 'pending';
  if (status === 'deleted' || status === 'recurring') return undefined;
  return text(task.parent).toLowerCase() || undefined;
}

/** `20261224T120000Z` sorts as the moment it is; a copy without one sorts last. */
const dueKey = (copy: LinedTask) => (typeof copy.task.due === 'string' ? copy.task.due : '~');
const maskKey = (copy: LinedTask) =>
  typeof copy.task.imask === 'number' ? copy.task.imask : Number.POSITIVE_INFINITY;

/** Whether copy `a` comes before `b` in the series: due first, then first in the mask. */
const before = (a: LinedTask, b: LinedTask) =>
  dueKey(a) < dueKey(b) || (dueKey(a) === dueKey(b) && maskKey(a) < maskKey(b));

/** The copy that carries the repeat: the open one due first (then the first in the series); none when all are done. */
export function carrierOf(copies: readonly LinedTask[]): LinedTask | undefined {
  let carrier: LinedTask | undefined;
  for (const copy of copies)
    if (OPEN.has(text(copy.task.status) || 'pending') && (!carrier || before(copy, carrier))) carrier = copy;
  return carrier;
}

/** `lines 3, 4, 9`, the first ten. */
const linesOf = (copies: readonly LinedTask[]) =>
  `lines ${copies
    .slice(0, 10)
    .map((copy) => copy.line)
    .join(', ')}${copies.length > 10 ? ', …' : ''}`;

/** What is said of a template's copies, at the line of the one that repeats (else the first); nothing for a lone open copy. */
function noticeOf(copies: readonly LinedTask[], carrier: LinedTask | undefined) {
  const first = copies[0];
  if (!first || (carrier && copies.length === 1)) return undefined;
  const title = text(first.task.description);
  if (!carrier)
    return {
      line: first.line,
      message: `"${title}" repeats, but no copy of it is open (${copies.length === 1 ? `line ${first.line}` : linesOf(copies)}): done, without the repeat`,
    };
  return {
    line: carrier.line,
    message: `"${title}" is ${copies.length} copies of one repeat (${linesOf(copies)}): the open one due first repeats, ${copies.length > 2 ? `the ${copies.length - 1} others come` : 'the other comes'} in without the repeat`,
  };
}

/**
 * The copies of repeating tasks, held until the whole export is read (the one due first may come
 * last), then given back template by template, in the order they came, each marked whether it
 * repeats. Only the copies are held: a few per repeating task.
 */
export class RepeatCopies {
  readonly #templates = new Map<string, LinedTask[]>();

  /** Holds the task when it is a copy of a repeating task, and says whether it did. */
  hold(task: Record<string, unknown>, line: number): boolean {
    const template = templateOf(task);
    if (!template) return false;
    const copies = this.#templates.get(template);
    if (copies) copies.push({ task, line });
    else this.#templates.set(template, [{ task, line }]);
    return true;
  }

  /** The copies held, each marked, after telling `notice` what became of a template's copies. */
  *release(notice: (line: number, message: string) => void): Generator<HeldCopy> {
    for (const copies of this.#templates.values()) {
      const carrier = carrierOf(copies);
      const said = noticeOf(copies, carrier);
      if (said) notice(said.line, said.message);
      for (const copy of copies) yield { ...copy, repeats: copy === carrier };
    }
    this.#templates.clear();
  }
}
