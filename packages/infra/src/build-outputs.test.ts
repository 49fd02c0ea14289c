import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SITE_DIR } from '@todolist/site/deploy';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOutputsIn, MissingBuildError, workspaceBuildOutputs } from './build-outputs.js';
import { createApp } from './todolist-app.js';

/** The folders a test made, removed when the file's tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'todolist-unbuilt-'));
  made.push(folder);
  return folder;
}

/** A tiny page (index.html, css/ and js/) in a folder of its own. */
function tinySite(): string {
  const site = mkdtempSync(join(tmpdir(), 'todolist-tiny-site-'));
  made.push(site);
  mkdirSync(join(site, 'css'));
  mkdirSync(join(site, 'js'));
  writeFileSync(
    join(site, 'index.html'),
    '<!-- a note -->\n<script type="module" src="js/app.js"></script>\n',
  );
  writeFileSync(join(site, 'css', 'page.css'), 'body {\n  margin: 0;\n}\n');
  writeFileSync(join(site, 'js', 'app.js'), '// a note\nexport const answer = 42;\n');
  return site;
}

/** The page upload of a site folder, removed with the test's other folders. */
function pageUploadOf(site: string): string {
  const page = buildOutputsIn({ handlers: site, sdk: site, site }).pageUpload;
  made.push(page);
  return page;
}

describe('the build outputs the app deploys', () => {
  it("are found in the workspaces: each route's and trigger's bundle folder, the SDK's browser bundle, and the page minified", () => {
    const build = workspaceBuildOutputs();
    expect(build.lambdaBundle('getTodo')).toMatch(/packages\/handlers\/dist\/lambda\/getTodo$/);
    expect(build.lambdaBundle('signIn')).toMatch(/packages\/handlers\/dist\/lambda\/signIn$/);
    expect(build.sdkBrowserFiles).toEqual([
      expect.stringMatching(/packages\/sdk\/dist\/browser\/todolist-sdk\.min\.js$/),
      expect.stringMatching(/packages\/sdk\/dist\/browser\/todolist-sdk-sync\.min\.js$/),
      expect.stringMatching(/packages\/sdk\/dist\/browser\/todolist-sdk-quick-add\.min\.js$/),
    ]);
    const page = build.pageUpload;
    expect(readdirSync(page).sort()).toEqual(['css', 'index.html', 'js']);
    const app = readFileSync(join(page, 'js', 'app.js'), 'utf8');
    expect(app.length).toBeLessThan(readFileSync(join(SITE_DIR, 'js', 'app.js'), 'utf8').length * 0.7);
    expect(app).not.toMatch(/\n\s*\/\/ /);
  });

  it('when a Lambda bundle is missing, stop synthesis with the command that builds it', () => {
    const empty = emptyFolder();
    const build = buildOutputsIn({ handlers: empty, sdk: empty, site: empty });
    expect(() => createApp({ outdir: join(empty, 'cdk.out') }, build)).toThrow(MissingBuildError);
    expect(() => createApp({ outdir: join(empty, 'cdk.out') }, build)).toThrow(
      /the Lambda bundle of \w+ is missing .*: run `npm run build -w @todolist\/handlers` first/,
    );
  });

  it("when the SDK's browser files are missing, say to build the SDK", () => {
    const empty = emptyFolder();
    expect(() => buildOutputsIn({ handlers: empty, sdk: empty, site: empty }).sdkBrowserFiles).toThrow(
      /todolist-sdk\.min\.js is missing .*npm run build -w @todolist\/sdk/,
    );
  });

  it('minify the page once per content: the same files share one folder, a changed file gets another', () => {
    const site = tinySite();
    const page = pageUploadOf(site);
    expect(pageUploadOf(site)).toBe(page);
    expect(pageUploadOf(tinySite())).toBe(page);
    expect(basename(page)).toMatch(/^todolist-page-[0-9a-f]{16}$/);
    expect(readFileSync(join(page, 'js', 'app.js'), 'utf8')).not.toContain('a note');

    writeFileSync(join(site, 'js', 'app.js'), 'export const answer = 43;\n');
    const changed = pageUploadOf(site);
    expect(changed).not.toBe(page);
    expect(readFileSync(join(changed, 'js', 'app.js'), 'utf8')).toContain('43');
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`${basename(page)}-building-`))).toEqual(
      [],
    );
  });

  it('make the folder again when a file of it went missing (a temp cleaner), rather than upload a page without it', () => {
    const site = tinySite();
    const page = pageUploadOf(site);
    rmSync(join(page, 'css', 'page.css'));
    expect(pageUploadOf(site)).toBe(page);
    expect(readdirSync(join(page, 'css'))).toEqual(['page.css']);
  });
});
