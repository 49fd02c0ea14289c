// The page as the deployment uploads it: the entries of page.json, index.html, css/ and js/
// (nothing else in this folder is the page), with the JavaScript and CSS minified by esbuild. The page keeps no build step of
// its own: the local gateway serves these files as written, and the CDK app (packages/infra)
// calls this at synthesis so that visitors of the deployed page download about a fifth less.
// Only comments, whitespace and local names go (and the HTML's comments); and the first
// screen's modules are bundled into app.js (see bundleScripts), index.html preloading what that
// imports instead. Synchronous, because CDK constructs are built synchronously.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
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
 * The page's JavaScript as uploaded: app.js with the modules of the first screen bundled into it,
 * and each module the page imports on demand (`import('./undo.js')`) a file of its own, with its
 * name, with what they share in chunks (so every module still runs once). A first visit fetches
 * app.js and its chunks instead of one file per module: each file gzipped alone repeats what the
 * others hold (names, DOM calls), which costs about a fifth of the page's bytes. When the page
 * loads modules on demand, its first screen's code is in chunks named for their content (so they
 * can be cached for good) and app.js, the name index.html loads, only imports them; a page
 * without any is bundled into app.js itself. Every other module is also written on its own,
 * minified, so each source file has its namesake in the upload.
 * @param {string} jsDir the page's js/ folder
 * @param {string} outJsDir where its modules are written already, minified
 * @returns {string[]} the files app.js imports, and theirs (`/js/…`): what index.html preloads
 */
function bundleScripts(jsDir, outJsDir) {
  const lazy = new Set();
  for (const file of readdirSync(outJsDir)) {
    if (extname(file) !== '.js') continue;
    // Read as already written, minified: the comments (JSDoc's `import('./x.js')` types among them) are gone.
    const code = readFileSync(join(outJsDir, file), 'utf8');
    for (const [, name] of code.matchAll(/\bimport\("\.\/([\w-]+\.js)"\)/g)) lazy.add(name);
  }
  // A second entry importing app.js puts app.js's code in a chunk of its own; it is not uploaded.
  const scratch = mkdtempSync(join(tmpdir(), 'todolist-page-entry-'));
  const bundleEntry = join(scratch, 'bundle-entry.js');
  writeFileSync(bundleEntry, `import ${JSON.stringify(join(jsDir, 'app.js'))};\n`);
  const entries = ['app.js', ...lazy].map((name) => join(jsDir, name));
  const { metafile } = buildSync({
    entryPoints: lazy.size > 0 ? [...entries, bundleEntry] : entries,
    outdir: outJsDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    external: ['/vendor/*'],
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(outJsDir, 'bundle-entry.js'), { force: true });
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs).map(([path, output]) => [basename(path), output]),
  );
  /** @param {string} name @param {Set<string>} seen */
  const staticGraph = (name, seen) => {
    for (const { path, kind, external } of outputs[name]?.imports ?? []) {
      if (kind !== 'import-statement' || external || seen.has(basename(path))) continue;
      seen.add(basename(path));
      staticGraph(basename(path), seen);
    }
    return seen;
  };
  return [...staticGraph('app.js', new Set())].map((name) => `/js/${name}`);
}

/**
 * index.html preloading `modules` (`/js/…`) instead of the modules as written.
 * @param {string} html
 * @param {string[]} modules
 */
function withPreloads(html, modules) {
  if (modules.length === 0) return html;
  const links = modules.map((module) => `<link rel="modulepreload" href="${module}">`).join('\n    ');
  const kept = html.replace(/[ \t]*<link rel="modulepreload" href="\/js\/[^"]+">\n/g, '');
  return kept.replace(/([ \t]*)<script type="module"/, (script, indent) => `${indent}${links}\n${script}`);
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
  if (existsSync(join(siteDir, 'js', 'app.js'))) {
    const html = join(outDir, 'index.html');
    const preloads = bundleScripts(join(siteDir, 'js'), join(outDir, 'js'));
    writeFileSync(html, withPreloads(readFileSync(html, 'utf8'), preloads));
  }
  return outDir;
}
