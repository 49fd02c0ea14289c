// The page imports the SDK's browser bundle by URL (/vendor/todolist-sdk.min.js); tsconfig.json's
// `paths` maps that URL here, so the page's modules are checked against the SDK's own types.
export * from '@todolist/sdk';
// The bundle also gives the filter language and the due order (the page's views hold todos so) and
// the tag rule its quick-add file imports, and how list names compare (src/browser.ts).
export {
  dueOrderKey,
  type FilterContext,
  type FilterNode,
  filterMatches,
  parseFilter,
  sameListName,
} from '@todolist/sdk/contract';
