// The page as the deployment uploads it: the entries of page.json, index.html, css/ and js/
// (nothing else in this folder is the page), with the JavaScript and CSS minified by esbuild. The page keeps no build step of
// its own: the local gateway serves these files as written, and the CDK app (packages/infra)
// calls this at synthesis so that visitors of the deployed page download about a fifth less.
// The modules keep their file names and import paths; only comments, whitespace and local
// names go (and the HTML's comments). Synchronous, because CDK constructs are built synchronously.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import page from '../page.json' with { type: 'json' };

/** The site folder, where the page's files are. */
export const SITE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** What the page is made of, relative to the site folder (page.json, which the local gateway reads too). */
export const PAGE_ENTRIES = page.entries;

/**
 * The page's Content-Security-Policy (page.json's, which the local gateway sends too), with
 * `connect-src` also allowing `connectOrigins` and the `extra` directives after it.
 * @param {readonly string[]} connectOrigins
 * @param {readonly string[]} [extra]
 * @returns {string}
 */
export function contentSecurityPolicy(connectOrigins, extra = []) {
  const directives = page.contentSecurityPolicy.map((directive) =>
    directive.startsWith('connect-src ') ? [directive, ...connectOrigins].join(' ') : directive,
  );
  return [...directives, ...extra].join('; ');
}

const LOADERS = { '.js': 'js', '.css': 'css' };

// The page's HTML comments are notes for its next engineer, not for visitors. index.html holds
// no script or style element whose text could contain "<!--", so a plain scan is exact here.
const withoutComments = (html) => html.replace(/<!--[\s\S]*?-->\s*/g, '');

function minified(file) {
  const source = readFileSync(file, 'utf8');
  if (extname(file) === '.html') return withoutComments(source);
  const loader = LOADERS[extname(file)];
  if (!loader) return undefined;
  // es2022 is what the page is written in (modules, top-level await, private fields); the
  // format stays ESM so every import and export keeps its name.
  return transformSync(source, {
    loader,
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    ...(loader === 'js' ? { format: 'esm' } : {}),
  }).code;
}

function copyEntry(from, to) {
  const entries = readdirSync(from, { withFileTypes: true });
  mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) copyEntry(source, target);
    else writePageFile(source, target);
  }
}

function writePageFile(source, target) {
  const code = minified(source);
  if (code === undefined) copyFileSync(source, target);
  else writeFileSync(target, code);
}

/**
 * Writes the page, minified, into `outDir` (made if missing) and answers `outDir`.
 * @param {string} outDir
 * @param {{ siteDir?: string }} [options]
 * @returns {string}
 */
export function preparePageUpload(outDir, options = {}) {
  const siteDir = options.siteDir ?? SITE_DIR;
  mkdirSync(outDir, { recursive: true });
  for (const entry of PAGE_ENTRIES) {
    const source = join(siteDir, entry);
    const target = join(outDir, entry);
    if (entry.includes('.')) writePageFile(source, target);
    else copyEntry(source, target);
  }
  return outDir;
}
