// The page imports the SDK's browser bundle by URL (/vendor/todolist-sdk.min.js); tsconfig.json's
// `paths` maps that URL here, so the page's modules are checked against the SDK's own types.
export * from '@todolist/sdk';
