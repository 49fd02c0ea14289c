// @ts-check
// Where a todo goes when it is moved in the manual order, loaded on first use: one place up or
// down (Alt+↑/Alt+↓) among the todos the view shows, or where it is dropped.

/**
 * The todo a moved todo goes right after (null: first), for one place up or down among those
 * shown: after the one two above it (or first), or after the one below it; undefined when it
 * is at that end already.
 * @param {string[]} keys the todos shown, in order
 * @param {string} key
 * @param {-1 | 1} step
 * @returns {string | null | undefined}
 */
export function afterStep(keys, key, step) {
  const at = keys.indexOf(key);
  const to = at + step;
  if (at === -1 || to < 0 || to >= keys.length) return undefined;
  return (step === 1 ? keys[to] : keys[to - 1]) ?? null;
}

/**
 * The todo a dragged one goes right after (null: first), dropped on `li` at height `y`: on its
 * upper half, before it (after the row above it); on its lower half, after it.
 * @param {HTMLLIElement} li
 * @param {string} key the dragged todo's
 * @param {number} y the drop's clientY
 * @returns {string | null}
 */
export function afterDrop(li, key, y) {
  const { top, height } = li.getBoundingClientRect();
  /** @type {Element | null} */
  let after = li;
  if (y < top + height / 2) {
    after = li.previousElementSibling;
    if (after instanceof HTMLElement && after.dataset.key === key) after = after.previousElementSibling;
  }
  return after instanceof HTMLElement ? (after.dataset.key ?? null) : null;
}
