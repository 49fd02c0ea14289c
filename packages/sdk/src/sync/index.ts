// `@todolist/sdk/sync`: a store that keeps a person's lists and todos current. A subpath of its
// own so that the browser loads it only when a page asks for it (dist/browser/todolist-sdk-sync.min.js).
export type { SyncedChanges, SyncedSnapshot } from './synced-state.js';
export {
  createSyncedStore,
  type SyncedListener,
  type SyncedStore,
  type SyncedStoreOptions,
} from './synced-store.js';
