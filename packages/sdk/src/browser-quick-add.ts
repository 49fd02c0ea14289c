// The entry of the browser's third file (dist/browser/todolist-sdk-quick-add.min.js): quick add
// with chrono-node, which a page imports when the person first types a todo, so its first load
// does not carry a date parser. What it takes of the contract (the tag rule) it imports from the
// first file (scripts/browser-build.mjs), so the two share one zod.
export * from './quick-add/index.js';
