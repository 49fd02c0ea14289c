import type { BuildOptions } from 'esbuild';

/** The files of dist/browser: the client, what it loads on demand to follow the feed, and quick add. */
export declare const BROWSER_FILES: { main: string; sync: string; quickAdd: string };

/** esbuild's settings for the browser bundle, less the entry, the output and the source map. */
export declare const BROWSER_BUILD: BuildOptions;

/** esbuild's settings for the browser's on-demand file (live and synced store), likewise. */
export declare const BROWSER_SYNC_BUILD: BuildOptions;

/** esbuild's settings for the browser's quick-add file (with chrono-node), likewise. */
export declare const BROWSER_QUICK_ADD_BUILD: BuildOptions;
