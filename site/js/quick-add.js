// @ts-check
// Quick add on the page: the new todo field read as every client reads it ("Pay rent dec 24 5pm
// p1 #home @flat // by transfer", the SDK's quick add), with what was understood shown as chips
// under the field while the person types. Loaded, with the SDK's quick-add file (chrono-node
// inside, about 17 KB gzipped) and its stylesheet, when the field is first focused or typed in,
// so a first load carries none of it. Words it does not take stay in the title; an @list that
// names none of the person's lists stays too, as the API's quick add leaves it.
import { listNamed, parseQuickAdd, toTodoCreate } from '/vendor/todolist-sdk-quick-add.min.js';
import { formatDay, formatTime, timeZone } from './dates.js';
import { h, loadStylesheet } from './dom.js';

/** @typedef {import('/vendor/todolist-sdk.min.js').List} List */
/** @typedef {import('/vendor/todolist-sdk.min.js').TodoCreate} TodoCreate */
/** @typedef {import('/vendor/todolist-sdk-quick-add.min.js').QuickAddParse} QuickAddParse */
/**
 * What a line in the new todo field says: the todo it creates (without its list), the list an
 * @word named if it names one of the person's, and the parse.
 * @typedef {{ input: TodoCreate, list: List | undefined, parse: QuickAddParse }} Reading
 */

await loadStylesheet('/css/quick-add.css');

/**
 * Reads a line as quick add does, its @list resolved among `lists`.
 * @param {string} text
 * @param {List[]} lists the person's lists, as the sidebar last listed them
 * @param {Date} [now]
 * @returns {Reading}
 */
export function read(text, lists, now = new Date()) {
  const { parse, list } = listNamed(text, parseQuickAdd(text, { timeZone: timeZone(), now }), lists);
  return { input: toTodoCreate(parse), list, parse };
}

const PRIORITY_WORDS = { high: 'Priority high', normal: 'Priority normal', low: 'Priority low' };

/**
 * The chips of a reading, one per thing understood, in the order of the text: "Due Dec 24,
 * 5:00 PM", "Priority high", "#home", "List Flat", "Repeats every mon", "Notes by transfer".
 * @param {Reading} reading
 * @returns {{ kind: string, text: string }[]}
 */
export function chipsOf({ input, list, parse }) {
  /** @type {{ kind: string, text: string }[]} */
  const chips = [];
  const kinds = new Set(parse.taken.map((piece) => piece.kind));
  const due = () => {
    if (!input.dueDate) return;
    const at = input.dueTime ? `, ${formatTime(input.dueTime)}` : '';
    chips.push({ kind: 'due', text: `Due ${formatDay(input.dueDate)}${at}` });
  };
  for (const kind of kinds) {
    if (kind === 'due') {
      due();
    } else if (kind === 'priority' && input.priority) {
      chips.push({ kind, text: PRIORITY_WORDS[input.priority] });
    } else if (kind === 'tag') {
      for (const tag of input.tags ?? []) chips.push({ kind, text: `#${tag}` });
    } else if (kind === 'list' && list) {
      chips.push({ kind, text: `List ${list.name}` });
    } else if (kind === 'recurrence' && input.recurrence) {
      const words = parse.taken.filter((piece) => piece.kind === 'recurrence').map((piece) => piece.text);
      chips.push({ kind, text: `Repeats ${words.join(' ')}` });
      // A repeat with no day of its own starts on its first occurrence: that day is the todo's.
      if (!kinds.has('due')) due();
    } else if (kind === 'notes' && input.notes) {
      chips.push({ kind, text: `Notes ${input.notes}` });
    }
  }
  return chips;
}

/**
 * Draws the chips of `text` into `box` (hidden when nothing was understood).
 * @param {HTMLElement} box
 * @param {string} text
 * @param {List[]} lists
 */
export function showChips(box, text, lists) {
  const chips = text.trim() ? chipsOf(read(text, lists)) : [];
  box.hidden = chips.length === 0;
  box.replaceChildren(
    ...chips.map(({ kind, text: words }) =>
      h('li', { class: `chip chip-${kind}`, 'data-kind': kind }, [words]),
    ),
  );
}
