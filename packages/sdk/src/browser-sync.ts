// The entry of the browser's second file (dist/browser/todolist-sdk-sync.min.js), loaded on
// demand: what `client.subscribe` and `client.changes` of the first file load, and the
// synced store. What it takes of the rest of the SDK it imports from the first file
// (scripts/browser-build.mjs).
export { changePages } from './changes/change-pages.js';
export { readChanges } from './changes/read-changes.js';
export { subscribe } from './live/subscription.js';
export * from './sync/index.js';
