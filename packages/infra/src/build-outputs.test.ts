import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITE_DIR } from '@todolist/site/deploy';
import { describe, expect, it } from 'vitest';
import { buildOutputsIn, MissingBuildError, workspaceBuildOutputs } from './build-outputs.js';
import { createApp } from './todolist-app.js';

describe('the build outputs the app deploys', () => {
  it("are found in the workspaces: each route's bundle folder, the SDK's browser bundle, and the page minified", () => {
    const build = workspaceBuildOutputs();
    expect(build.lambdaBundle('getTodo')).toMatch(/packages\/handlers\/dist\/lambda\/getTodo$/);
    expect(build.sdkBrowserBundle).toMatch(/packages\/sdk\/dist\/browser\/todolist-sdk\.min\.js$/);
    const page = build.pageUpload;
    expect(readdirSync(page).sort()).toEqual(['css', 'index.html', 'js']);
    const app = readFileSync(join(page, 'js', 'app.js'), 'utf8');
    expect(app.length).toBeLessThan(readFileSync(join(SITE_DIR, 'js', 'app.js'), 'utf8').length * 0.7);
    expect(app).not.toMatch(/\n\s*\/\/ /);
  });

  it('when a Lambda bundle is missing, stop synthesis with the command that builds it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'todolist-unbuilt-'));
    const build = buildOutputsIn({ handlers: empty, sdk: empty, site: empty });
    expect(() => createApp({ outdir: join(empty, 'cdk.out') }, build)).toThrow(MissingBuildError);
    expect(() => createApp({ outdir: join(empty, 'cdk.out') }, build)).toThrow(
      /the Lambda bundle of route \w+ is missing .*: run `npm run build -w @todolist\/handlers` first/,
    );
  });

  it("when the SDK's browser bundle is missing, say to build the SDK", () => {
    const empty = mkdtempSync(join(tmpdir(), 'todolist-unbuilt-'));
    expect(() => buildOutputsIn({ handlers: empty, sdk: empty, site: empty }).sdkBrowserBundle).toThrow(
      /npm run build -w @todolist\/sdk/,
    );
  });
});
