// The entry of the browser bundle (dist/browser): the SDK, with zod told not to compile
// validators with `new Function`. A page with a strict Content-Security-Policy (no
// 'unsafe-eval') forbids that, and zod's first attempt would log a CSP violation. This copy of
// zod lives only inside the bundle, so the setting touches nothing else on the page.
import { config } from 'zod/mini';

config({ jitless: true });

export * from './index.js';
