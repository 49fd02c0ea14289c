/** The site folder, where the page's files are. */
export declare const SITE_DIR: string;
/** What the page is made of, relative to the site folder. */
export declare const PAGE_ENTRIES: readonly string[];
/** The page's Content-Security-Policy (page.json's), `connect-src` also allowing `connectOrigins`, then `extra`. */
export declare function contentSecurityPolicy(
  connectOrigins: readonly string[],
  extra?: readonly string[],
): string;
/** Writes the page, minified, into `outDir` (made if missing) and answers `outDir`. */
export declare function preparePageUpload(outDir: string, options?: { siteDir?: string }): string;
