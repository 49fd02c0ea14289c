/** The site folder, where the page's files are. */
export declare const SITE_DIR: string;
/** What the page is made of, relative to the site folder. */
export declare const PAGE_ENTRIES: readonly string[];
/** Writes the page, minified, into `outDir` (made if missing) and answers `outDir`. */
export declare function preparePageUpload(outDir: string, options?: { siteDir?: string }): string;
