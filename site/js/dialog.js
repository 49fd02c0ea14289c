// @ts-check
// The page's modal dialogs (New list, Manage list, a saved filter's), for the modules that open
// them on first use; their stylesheet loads with this module, which is ready once it applies.
import { h, loadStylesheet } from './dom.js';

await loadStylesheet('/css/lists.css');

/**
 * A modal dialog with a heading, a close button and `children`; removed once closed, when
 * focus goes back where it was.
 * @param {string} title
 * @param {(Node | string)[]} children
 */
export function openDialog(title, children) {
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': 'Close' }, ['×']);
  const heading = h('h2', { id: 'dialog-title' }, [title]);
  const dialog = h('dialog', { class: 'list-dialog', 'aria-labelledby': 'dialog-title' }, [
    h('div', { class: 'dialog-head' }, [heading, close]),
    ...children,
  ]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, heading };
}

/** Where a dialog says what went wrong. */
export const errorLine = () => h('p', { class: 'dialog-error', role: 'alert' });
