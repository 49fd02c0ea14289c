// @ts-check
// Small DOM helpers, so the other modules read as what they build rather than how.

/**
 * The element under `root` matching `selector`, checked to be a `type`; throws when the page
 * lacks it, which is a bug in index.html rather than something to recover from.
 * @template {Element} T
 * @param {ParentNode} root
 * @param {string} selector
 * @param {abstract new (...args: any[]) => T} type
 * @returns {T}
 */
export function one(root, selector, type) {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`the page has no ${type.name} matching ${selector}`);
  return found;
}

/**
 * A new element with attributes, properties and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attributes] `false` and `undefined` leave one out
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/**
 * Adds a stylesheet to the page, for a module loaded on first use: it resolves once the sheet
 * applies, so what the module draws is never shown unstyled.
 * @param {string} href
 */
export function loadStylesheet(href) {
  const sheet = h('link', { rel: 'stylesheet', href });
  return new Promise((resolve, reject) => {
    sheet.addEventListener('load', resolve);
    sheet.addEventListener('error', () => reject(new Error(`${href} could not be loaded`)));
    document.head.append(sheet);
  });
}
