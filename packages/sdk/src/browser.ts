// The entry of the browser bundle (dist/browser): the SDK, with zod told not to compile
// validators with `new Function`. A page with a strict Content-Security-Policy (no
// 'unsafe-eval') forbids that, and zod's first attempt would log a CSP violation. This copy of
// zod lives only inside the bundle, so the setting touches nothing else on the page.
import { config } from 'zod/mini';

config({ jitless: true });

// What the browser's quick-add file (src/browser-quick-add.ts) imports of the contract from this
// file, and the filter language, which the page evaluates on its views' todos (the client checks
// a `filter=` with the same parser, so it is in this file already) and orders by due day, and
// how list names compare.
export { dueOrderKey, filterMatches, MAX_TAGS, parseFilter, sameListName, Tag } from './contract/index.js';
export * from './index.js';
