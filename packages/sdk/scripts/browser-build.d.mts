import type { BuildOptions } from 'esbuild';

/** esbuild's settings for the browser bundle, less the entry, the output and the source map. */
export declare const BROWSER_BUILD: BuildOptions;
